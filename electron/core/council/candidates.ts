/**
 * The whole cycle's merge state: per sub-criterion, the candidates (scored appraisals of
 * members assigned to its field with no conflict of interest with the unit) and its final
 * score. Conflicts, completeness and finalisation read it.
 */
import type { ScoreInputData } from '../../../shared/exchange/appraisal-package.ts';
import { type Candidate, type FinalScoreData, type ItemKey, itemKey } from '../../../shared/exchange/merge.ts';
import type { CycleContext } from '../exchange/cycle-context.ts';

export interface CycleMergeState {
  readonly candidates: ReadonlyMap<ItemKey, readonly Candidate[]>;
  readonly finals: ReadonlyMap<ItemKey, FinalScoreData>;
}

const parseInput = (text: string | null): ScoreInputData | null =>
  text === null ? null : (JSON.parse(text) as ScoreInputData);

export function cycleMergeState(ctx: CycleContext): CycleMergeState {
  const db = ctx.db;
  const coi = new Set(
    db
      .prepare(
        'SELECT member_id || char(31) || unit_id FROM conflicts_of_interest WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?)',
      )
      .pluck()
      .all(ctx.cycle.id) as string[],
  );
  const assigned = new Map([...ctx.members.values()].map((m) => [m.id, new Set(m.fields)]));
  const candidates = new Map<ItemKey, Candidate[]>();
  for (const [unitId, nodeCode, memberId, input, score, packageHash] of db
    .prepare(
      'SELECT unit_id, node_code, member_id, input, score, package_hash FROM appraisals WHERE score IS NOT NULL AND unit_id IN (SELECT id FROM units WHERE cycle_id = ?) ORDER BY member_id',
    )
    .raw()
    .iterate(ctx.cycle.id) as Iterable<[string, string, string, string | null, string, string | null]>) {
    const unit = ctx.units.get(unitId);
    const field = unit && ctx.groups.get(unit.group)?.fieldOfLeaf.get(nodeCode);
    if (field === undefined || !assigned.get(memberId)?.has(field) || coi.has(`${memberId}\u001f${unitId}`)) continue;
    const k = itemKey(unitId, nodeCode);
    const list = candidates.get(k) ?? [];
    list.push({ memberId, score, input: parseInput(input), packageHash });
    candidates.set(k, list);
  }
  const finals = new Map<ItemKey, FinalScoreData>();
  for (const f of db
    .prepare(
      `SELECT unit_id AS unitId, node_code AS nodeCode, input, score, source_member AS sourceMember, package_hash AS packageHash, decided_by AS decidedBy,
         reason, basis, updated_at AS updatedAt FROM final_scores WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?)`,
    )
    .iterate(ctx.cycle.id) as Iterable<Omit<FinalScoreData, 'input'> & { input: string | null }>) {
    finals.set(itemKey(f.unitId, f.nodeCode), { ...f, input: parseInput(f.input) });
  }
  return { candidates, finals };
}
