/**
 * Bulk appraisal figures, on a real SQLite file (WAL), through the core's own services, with
 * the router's zod validation of what goes in and comes out:
 * - "agree with the rest of this field" over a field of 500 sub-criteria, none scored yet:
 *   dry run (the confirmation's count) and the commit (one transaction, 500 audit rows).
 *   Goal ≤ 200 ms for the commit.
 * - a pasted block of 500 cells (125 sub-criteria × 4 units), every cell checked and written
 *   in one transaction. Goal ≤ 300 ms.
 * Each run uses a unit (or values) not yet written, so every run writes 500 rows.
 * Runnable alone: `npx tsx bench/bulk.ts`. Prints figures and whether the goals are met.
 */
import { prng } from '../tools/prng.ts';
import { putCycleGroup } from '../electron/core/db/repos/groups.ts';
import { GROUP_PRESETS } from '../shared/framework/groups.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agreeWithSelf } from '../electron/core/bulk/agree.ts';
import { setMany } from '../electron/core/bulk/set-many.ts';
import { type Db, openDatabase, tx } from '../electron/core/db/connection.ts';
import { insertCycle } from '../electron/core/db/repos/cycles.ts';
import { putFramework, setCycleFramework } from '../electron/core/db/repos/frameworks.ts';
import { insertMember } from '../electron/core/db/repos/members.ts';
import { insertUnit } from '../electron/core/db/repos/units.ts';
import { loadDefaultFrameworks } from '../electron/core/framework/defaults.ts';
import { frameworkHash } from '../electron/core/framework/hash.ts';
import { makeScope } from '../electron/core/dossier/scope.ts';
import { AgreeRequest, BulkResult, SetManyRequest } from '../shared/contract/bulk.ts';
import { serialize } from '../shared/decimal/rational.ts';
import { buildTree, leavesUnder } from '../shared/framework/tree.ts';
import type { Framework, FrameworkNode } from '../shared/framework/types.ts';
import { scoreNode } from '../shared/scoring/score.ts';
import { sampleInput } from './synthetic.ts';
import { median } from './figures.ts';

const LEAVES = 500;
const RUNS = 7;

/** Field 2 with 50 criteria of 10 sub-criteria each, scored with the kinds of the default department framework. */
function bigField(): Framework {
  const dept = loadDefaultFrameworks().department;
  const kinds = leavesUnder(buildTree(dept), null).filter(
    (l) => l.scoring && l.scoring.kind !== 'survey' && l.scoring.kind !== 'previous_year_delta',
  );
  const G = ['department'] as const;
  const nodes: FrameworkNode[] = [
    {
      code: '2',
      parent: null,
      title: 'Cải cách thể chế',
      maxPoints: String(LEAVES),
      groups: G,
      exemptable: false,
      guide: '',
      evidence: '',
    },
  ];
  for (let i = 1; i <= LEAVES / 10; i++) {
    nodes.push({
      code: `2.${i}`,
      parent: '2',
      title: `Tiêu chí ${i}`,
      maxPoints: '10',
      groups: G,
      exemptable: false,
      guide: '',
      evidence: '',
    });
    for (let j = 1; j <= 10; j++) {
      const t = kinds[(i * 10 + j) % kinds.length]!;
      nodes.push({
        code: `2.${i}.${j}`,
        parent: `2.${i}`,
        title: `Tiêu chí thành phần ${i}.${j}`,
        maxPoints: t.maxPoints,
        scoring: t.scoring!,
        groups: G,
        exemptable: j === 10,
        guide: '',
        evidence: '',
      });
    }
  }
  return { name: 'Bench', year: 2023, group: 'department', sample: true, nodes };
}

function seedCycle(db: Db, framework: Framework, units: number): FrameworkNode[] {
  const rnd = prng(5);
  const leaves = leavesUnder(buildTree(framework), null);
  const hash = frameworkHash(framework);
  tx(db, () => {
    insertCycle(db, { id: 'b', name: 'Bench', year: 2023, province: 'Thử nghiệm', precision: 2 });
    putCycleGroup(db, 'b', { ...GROUP_PRESETS.department, sortOrder: 1 });
    putFramework(db, hash, framework);
    setCycleFramework(db, 'b', 'department', hash);
    insertMember(db, {
      id: 'm',
      cycleId: 'b',
      name: 'Thành viên',
      position: 'Phó Giám đốc',
      agency: 'Sở Tư pháp',
      role: 'member',
      publicKey: null,
      fingerprint: null,
      fields: ['2'],
    });
    const item = db.prepare(
      'INSERT INTO dossier_items (unit_id, node_code, round2_input, round2_score, explanation) VALUES (?, ?, ?, ?, ?)',
    );
    for (let u = 0; u < units; u++) {
      insertUnit(db, { id: `u${u}`, cycleId: 'b', name: `Đơn vị ${u + 1}`, group: 'department', sortOrder: u });
      for (const leaf of leaves) {
        const input = sampleInput(leaf, rnd);
        const r = scoreNode(leaf.scoring!, leaf.maxPoints, input);
        if (!r.ok) throw new Error(`${leaf.code}: ${r.error.message}`);
        item.run(`u${u}`, leaf.code, JSON.stringify(input), serialize(r.value), '');
      }
    }
  });
  return leaves;
}

export async function benchBulk(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-bulk-'));
  try {
    const db = openDatabase(join(dir, 'bench.sqlite'));
    const leaves = seedCycle(db, bigField(), RUNS + 1 + 4);
    const scope = makeScope(db, dir, 'b', 'm', 'member');

    // Agree: each run on a unit with nothing scored (unit 0 warms up).
    const dry: number[] = [];
    const commit: number[] = [];
    for (let u = 0; u <= RUNS; u++) {
      let t0 = performance.now();
      const preview = BulkResult.parse(
        agreeWithSelf(scope, AgreeRequest.parse({ unitId: `u${u}`, fieldCode: '2', dryRun: true })),
      );
      const tDry = performance.now() - t0;
      t0 = performance.now();
      const done = BulkResult.parse(agreeWithSelf(scope, AgreeRequest.parse({ unitId: `u${u}`, fieldCode: '2' })));
      const tCommit = performance.now() - t0;
      if (preview.saved.length !== LEAVES || done.saved.length !== LEAVES)
        throw new Error(`agree took ${done.saved.length} of ${LEAVES}`);
      if (u > 0) dry.push(tDry), commit.push(tCommit);
    }

    // Paste: 125 sub-criteria × 4 units, new values each run.
    const pasteUnits = [0, 1, 2, 3].map((i) => `u${RUNS + 1 + i}`);
    const rows = leaves.slice(0, LEAVES / pasteUnits.length);
    const paste: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const rnd = prng(100 + run);
      const cells = pasteUnits.flatMap((unitId) =>
        rows.map((leaf) => ({
          unitId,
          nodeCode: leaf.code,
          input: leaf.scoring!.kind === 'tick' ? { met: run % 2 === 0 } : sampleInput(leaf, rnd),
        })),
      );
      const t0 = performance.now();
      const r = BulkResult.parse(setMany(scope, SetManyRequest.parse({ reason: 'paste', cells })));
      const ms = performance.now() - t0;
      if (r.refused.length > 0) throw new Error(`paste refused ${r.refused.length}: ${r.refused[0]!.message}`);
      if (run > 0) paste.push(ms);
      if (run === 1 && r.saved.length < 400) throw new Error(`paste wrote only ${r.saved.length}`);
    }
    db.close();
    const out = {
      agree_500_dry_run_ms: median(dry),
      agree_500_commit_ms: median(commit),
      agree_500_commit_max_ms: Math.max(...commit),
      paste_500_cells_ms: median(paste),
      paste_500_cells_max_ms: Math.max(...paste),
    };
    const verdict = (v: number, goal: number) => (v <= goal ? 'met' : 'NOT met');
    console.log(
      `goal: agree with the rest of a field of 500 sub-criteria commits in ≤ 200 ms — median ${out.agree_500_commit_ms.toFixed(1)} ms: ${verdict(out.agree_500_commit_ms, 200)}`,
    );
    console.log(
      `goal: a 500-cell paste validates and commits in ≤ 300 ms — median ${out.paste_500_cells_ms.toFixed(1)} ms: ${verdict(out.paste_500_cells_ms, 300)}`,
    );
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchBulk();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(40)} ${v.toFixed(2)}`);
}
