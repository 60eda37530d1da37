/** A synthetic cycle in a store: N units of one group over a framework, with a round-2 self-score and survey points for every unit. */
import { putCycleGroup } from '../electron/core/db/repos/groups.ts';
import { type Db, tx } from '../electron/core/db/connection.ts';
import { insertCycle } from '../electron/core/db/repos/cycles.ts';
import { putFramework, setCycleFramework } from '../electron/core/db/repos/frameworks.ts';
import { insertUnit } from '../electron/core/db/repos/units.ts';
import { serialize } from '../shared/decimal/rational.ts';
import { buildTree, leavesUnder } from '../shared/framework/tree.ts';
import type { Framework, FrameworkNode } from '../shared/framework/types.ts';
import { scoreNode } from '../shared/scoring/score.ts';

/** A deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plausible input for a leaf of any kind. */
export function sampleInput(node: FrameworkNode, rnd: () => number): unknown {
  const s = node.scoring!;
  switch (s.kind) {
    case 'tick':
      return { met: rnd() < 0.8 };
    case 'timeliness':
      return { tier: s.tiers[Math.floor(rnd() * s.tiers.length)]!.key };
    case 'percentage':
      return { percent: Math.round(rnd() * 10000) / 100 };
    case 'proportional': {
      const b = 10 + Math.floor(rnd() * 1000);
      return { a: Math.floor(b * (0.6 + rnd() * 0.4)), b };
    }
    case 'count':
      return { count: Math.floor(rnd() * 6) };
    case 'deduction':
      return { violations: Math.floor(rnd() * 3) };
    case 'survey':
      return { points: (Math.floor(rnd() * Number(node.maxPoints) * 100) / 100).toFixed(2) };
    case 'previous_year_delta':
      return { previousIndex: 70 + Math.floor(rnd() * 2000) / 100, earlierIndex: 70 + Math.floor(rnd() * 2000) / 100 };
  }
}

export function seedSyntheticCycle(db: Db, framework: Framework, hash: string, units: number, seed = 1): string {
  const rnd = prng(seed);
  const tree = buildTree(framework);
  const leaves = leavesUnder(tree, null).filter((l) => l.groups.includes(framework.group));
  const cycleId = `synthetic-${units}`;
  tx(db, () => {
    insertCycle(db, { id: cycleId, name: `Tổng hợp ${units} đơn vị`, year: 2023, province: 'Thử nghiệm', precision: 2 });
    putCycleGroup(db, cycleId, { code: framework.group, label: framework.group, shortLabel: framework.group, sortOrder: 1, fields: [] });
    putFramework(db, hash, framework);
    setCycleFramework(db, cycleId, framework.group, hash);
    const item = db.prepare('INSERT INTO dossier_items (unit_id, node_code, round2_input, round2_score, explanation) VALUES (?, ?, ?, ?, ?)');
    const survey = db.prepare("INSERT INTO survey_points (unit_id, source, points, imported_at) VALUES (?, ?, ?, '2024-01-01')");
    for (let i = 0; i < units; i++) {
      const unitId = `${cycleId}-u${i}`;
      insertUnit(db, { id: unitId, cycleId, name: `Đơn vị ${i + 1}`, group: framework.group, sortOrder: i });
      for (const leaf of leaves) {
        const input = sampleInput(leaf, rnd);
        const r = scoreNode(leaf.scoring!, leaf.maxPoints, input);
        if (!r.ok) throw new Error(`${leaf.code}: ${r.error.message}`);
        if (leaf.scoring!.kind === 'survey') survey.run(unitId, leaf.scoring!.source, serialize(r.value));
        else item.run(unitId, leaf.code, JSON.stringify(input), serialize(r.value), '');
      }
    }
  });
  return cycleId;
}
