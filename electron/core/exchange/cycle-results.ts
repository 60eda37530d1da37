/**
 * The council's final results in the cycle package. A package issued while the cycle is finalised carries the last stored
 * snapshot (the canonical JSON hashed at finalisation) and its hash; the member's machine
 * checks the hash, takes every final score of the snapshot (the council's value of each
 * sub-criterion), stores the snapshot and marks the cycle finalised, so its results screens,
 * exports and documents show the secretariat's numbers as final with the same hash. A later
 * package of a reopened cycle carries no results: the member's copies are dropped and the
 * cycle is open again.
 *
 *   councilResults(db, cycleId)                      → CycleContent['results'] (undefined while open)
 *   readCouncilResults(file, content)                → the final scores to write (refuses a bad snapshot)
 *   writeCouncilResults(db, content, finals)         inside the cycle import's transaction
 */
import { cmp, deserialize, ZERO } from '../../../shared/decimal/rational.ts';
import type { CycleContent } from '../../../shared/exchange/cycle-package.ts';
import { buildTree } from '../../../shared/framework/tree.ts';
import type { Framework } from '../../../shared/framework/types.ts';
import { planTotals } from '../../../shared/results/unit-totals.ts';
import type { Db } from '../db/connection.ts';
import { sha256Hex } from './keys.ts';
import { ExchangeRefusal } from './refusal.ts';
import {
  finalisedSnapshot,
  putCarriedSnapshot,
  replaceFinalScores,
  setCycleStatus,
} from '../db/repos/carried-results.ts';

export interface CarriedFinal {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly score: string;
  readonly sourceMember: string | null;
  readonly decidedBy: string | null;
  readonly reason: string | null;
}

/** The finalised cycle's last snapshot, as the package carries it; undefined while the cycle is open. */
export function councilResults(db: Db, cycleId: string): CycleContent['results'] {
  const last = finalisedSnapshot(db, cycleId);
  return last ? { finalisedAt: last.finalisedAt, hash: last.hash, snapshot: last.content } : undefined;
}

type SnapshotScore = {
  score?: unknown;
  source?: unknown;
  sourceMember?: unknown;
  decidedBy?: unknown;
  reason?: unknown;
};

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The final scores of the carried snapshot, each on a leaf of its unit's framework within the leaf's maximum. */
export function readCouncilResults(file: string, c: CycleContent): CarriedFinal[] {
  if (!c.results) return [];
  const bad = (what: string): never => {
    throw new ExchangeRefusal(file, 'EXCHANGE_SCHEMA', `cycle.json: kết quả đã chốt ${what}`);
  };
  if (sha256Hex(c.results.snapshot) !== c.results.hash) bad('không khớp mã băm');
  let snap: { cycle?: { id?: unknown }; units?: unknown };
  try {
    snap = JSON.parse(c.results.snapshot) as typeof snap;
  } catch {
    return bad('không đọc được');
  }
  if (snap.cycle?.id !== c.cycle.id || !Array.isArray(snap.units)) bad('không thuộc kỳ đánh giá của gói');
  const maxOf = new Map<string, Map<string, ReturnType<typeof deserialize>>>();
  for (const f of c.frameworks)
    maxOf.set(
      f.group,
      new Map(planTotals(buildTree(f.framework as Framework), f.group).leaves.map((l) => [l.code, l.max])),
    );
  const groupOf = new Map(c.units.map((u) => [u.id, u.group]));
  const out: CarriedFinal[] = [];
  for (const u of snap.units as { id?: unknown; scores?: Record<string, SnapshotScore> }[]) {
    const unitId = typeof u.id === 'string' ? u.id : '';
    const leaves = maxOf.get(groupOf.get(unitId) ?? '');
    if (!leaves) bad(`có đơn vị lạ “${unitId}”`);
    for (const [nodeCode, s] of Object.entries(u.scores ?? {})) {
      if (s.source !== 'final') continue;
      const max = leaves!.get(nodeCode);
      const score = text(s.score);
      let v: ReturnType<typeof deserialize> | null = null;
      try {
        v = score === null ? null : deserialize(score);
      } catch {
        v = null;
      }
      if (max === undefined || v === null || cmp(v, ZERO) < 0 || cmp(v, max) > 0)
        bad(`có điểm không hợp lệ ở ${unitId} / ${nodeCode}`);
      out.push({
        unitId,
        nodeCode,
        score: score!,
        sourceMember: text(s.sourceMember),
        decidedBy: text(s.decidedBy),
        reason: text(s.reason),
      });
    }
  }
  return out;
}

/** Opens the cycle for the import's writes (a finalised cycle's rows are locked by triggers). */
export function openForImport(db: Db, cycleId: string): void {
  setCycleStatus(db, cycleId, 'open');
}

/** The council's final scores and snapshot replace this machine's copies; the cycle is finalised when they come. */
export function writeCouncilResults(db: Db, c: CycleContent, finals: readonly CarriedFinal[]): void {
  const id = c.cycle.id;
  if (!c.results) {
    replaceFinalScores(db, id, [], '');
    return;
  }
  replaceFinalScores(db, id, finals, c.results.finalisedAt);
  putCarriedSnapshot(db, id, c.results.finalisedAt, c.results.snapshot, c.results.hash);
  setCycleStatus(db, id, 'finalised');
}
