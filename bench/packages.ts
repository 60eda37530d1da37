/**
 * The members' signed appraisal packages for a cycle seeded with `merged: false`
 * (bench/synthetic.ts): every member gets a key on the roster and a package with every
 * applicable, non-exempted sub-criterion of his fields for every unit. The members of a
 * field agree on an input (the round-2 self-assessment most often); on ~3% of items each
 * appraises on his own, so the merge finds conflicts.
 */
import { prng } from '../tools/prng.ts';
import { serialize } from '../shared/decimal/rational.ts';
import {
  APPRAISAL_FORMAT,
  APPRAISAL_VERSION,
  type AppraisalItem,
  type AppraisalPayload,
  appraisalFileName,
} from '../shared/exchange/appraisal-package.ts';
import { scoreNode } from '../shared/scoring/score.ts';
import { type Db, tx } from '../electron/core/db/connection.ts';
import { encodeAppraisalPackage } from '../electron/core/exchange/appraisal-file.ts';
import { cycleContext, frameworkHashes } from '../electron/core/exchange/cycle-context.ts';
import { generateSigner } from '../electron/core/exchange/keys.ts';
import { type RealCycle, sampleInput } from './synthetic.ts';

export interface MemberPackage {
  readonly memberId: string;
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly items: number;
}

/** Signs one package per member (sequence 1). */
export function memberPackages(db: Db, cycle: RealCycle, seed = 5): MemberPackage[] {
  const rnd = prng(seed);
  const signers = new Map(cycle.members.map((m) => [m.id, generateSigner()]));
  tx(db, () => {
    const setKey = db.prepare('UPDATE members SET public_key = ?, fingerprint = ? WHERE id = ?');
    for (const [id, s] of signers) setKey.run(s.publicKey, s.fingerprint, id);
  });
  const ctx = cycleContext(db, cycle.cycleId);
  const round2 = new Map<string, unknown>();
  for (const [u, c, input] of db
    .prepare(
      'SELECT d.unit_id, d.node_code, d.round2_input FROM dossier_items d JOIN units u ON u.id = d.unit_id WHERE u.cycle_id = ?',
    )
    .raw()
    .all(cycle.cycleId) as [string, string, string][]) {
    round2.set(`${u}\u0000${c}`, JSON.parse(input));
  }
  const exempted = new Set(
    (
      db
        .prepare(
          'SELECT e.unit_id, e.node_code FROM exemptions e JOIN units u ON u.id = e.unit_id WHERE u.cycle_id = ?',
        )
        .raw()
        .all(cycle.cycleId) as [string, string][]
    ).map(([u, c]) => `${u}\u0000${c}`),
  );
  const items = new Map<string, AppraisalItem[]>(cycle.members.map((m) => [m.id, []]));
  const at = '2024-03-01T08:00:00.000Z';
  for (const unit of [...ctx.units.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const g = ctx.groups.get(unit.group)!;
    for (const leaf of g.plan.leaves) {
      if (leaf.survey) continue;
      const key = `${unit.id}\u0000${leaf.code}`;
      if (exempted.has(key) || !round2.has(key)) continue;
      const field = g.plan.fields[leaf.fieldIndex]!.code;
      const appraisers = cycle.members.filter((m) => m.fields.includes(field));
      const node = g.tree.byCode.get(leaf.code)!;
      const agreed = rnd() < 0.8 ? round2.get(key) : sampleInput(node, rnd);
      const disagree = appraisers.length > 1 && rnd() < 0.03;
      for (const m of appraisers) {
        const input = (disagree ? sampleInput(node, rnd) : agreed) as AppraisalItem['input'];
        const r = scoreNode(node.scoring!, node.maxPoints, input);
        if (!r.ok) throw new Error(`${leaf.code}: ${r.error.message}`);
        items.get(m.id)!.push({
          unitId: unit.id,
          nodeCode: leaf.code,
          input,
          score: serialize(r.value),
          comment: '',
          evidence: [],
          exemption: null,
          updatedAt: at,
        });
      }
    }
  }
  return cycle.members.map((m) => {
    const signer = signers.get(m.id)!;
    const payload: AppraisalPayload = {
      format: APPRAISAL_FORMAT,
      version: APPRAISAL_VERSION,
      cycleId: cycle.cycleId,
      frameworks: frameworkHashes(ctx),
      member: { id: m.id, name: ctx.members.get(m.id)!.name },
      keyFingerprint: signer.fingerprint,
      scope: { fields: [...m.fields] },
      sequence: 1,
      previousPackageHash: null,
      createdAt: at,
      appraisals: items.get(m.id)!,
      conflictsOfInterest: [],
    };
    const { text } = encodeAppraisalPackage(payload, signer);
    return {
      memberId: m.id,
      fileName: appraisalFileName(cycle.cycleId, m.id, 1),
      bytes: Buffer.from(text, 'utf8'),
      items: payload.appraisals.length,
    };
  });
}
