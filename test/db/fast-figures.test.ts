import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { listMembers } from '../../electron/core/db/repos/members.ts';
import { listUnits } from '../../electron/core/db/repos/units.ts';
import { DEMO_CYCLE_ID } from '../../electron/core/demo/init.ts';
import { figuresOf } from '../../electron/core/results/cycle-results.ts';
import { computeCycleTotals } from '../../electron/core/results/cycle-totals.ts';
import { cycleFiguresFast } from '../../electron/core/results/fast-figures.ts';
import { treeFor } from '../../electron/core/framework/trees.ts';
import { prng } from '../../tools/prng.ts';
import { rat, serialize } from '../../shared/decimal/rational.ts';
import { copyDemoStore } from '../demo-seed.ts';
import { tempDirs } from './support.ts';

describe('SQL-aggregated figures equal the leaf-by-leaf computation', () => {
  const newDir = tempDirs();
  /** A copy of the demo store, and a check that both paths give the same figures on it. */
  const demoStore = () => {
    const db = openDatabase(copyDemoStore(newDir()));
    const check = (includeProposedExemptions: boolean) => {
      const slow = figuresOf(computeCycleTotals(db, DEMO_CYCLE_ID, { includeProposedExemptions }));
      const fast = cycleFiguresFast(db, DEMO_CYCLE_ID, { includeProposedExemptions });
      expect(fast).toEqual(slow);
    };
    return { db, check };
  };

  it('on the demo cycle and after random appraisals, final scores, exemptions and orphan scores', () => {
    const { db, check } = demoStore();
    check(false);

    const rnd = prng(42);
    const members = listMembers(db, DEMO_CYCLE_ID).filter((m) => m.role === 'member');
    const units = listUnits(db, DEMO_CYCLE_ID);
    // Two members on every field, so that the latest of two assigned appraisals must win.
    for (const f of ['1', '2', '3', '4', '5', '6', '7', '8'])
      db.prepare('INSERT OR IGNORE INTO member_fields (member_id, field_code) VALUES (?, ?)').run(members[0]!.id, f);
    // Fields of one group only: the member's appraisals count in that group and nowhere else.
    const scoped = db.prepare('INSERT OR IGNORE INTO member_fields (member_id, grp, field_code) VALUES (?, ?, ?)');
    scoped.run(members[1]!.id, 'district', '3');
    scoped.run(members[1]!.id, 'department', '5');
    scoped.run(members[2]!.id, 'central_agency', '8');
    const appraise = db.prepare(
      'INSERT OR REPLACE INTO appraisals (unit_id, node_code, member_id, input, score, comment, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const final = db.prepare(
      "INSERT OR REPLACE INTO final_scores (unit_id, node_code, input, score, updated_at) VALUES (?, ?, '{}', ?, '2024-03-01')",
    );
    const exempt = db.prepare(
      "INSERT OR REPLACE INTO exemptions (unit_id, node_code, reason, status, created_at) VALUES (?, ?, 'Thử', ?, '2024-03-01')",
    );
    const scores = [rat(0), rat(1, 2), rat(2, 3), rat(7, 4), rat(595634 * 2, 596864), rat(1)];
    for (let round = 0; round < 3; round++) {
      for (const u of units) {
        const { tree, plan } = treeFor(db, DEMO_CYCLE_ID, u.group);
        for (const leaf of plan.leaves) {
          const r = rnd();
          const score = scores[Math.floor(rnd() * scores.length)]!;
          const m = members[Math.floor(rnd() * members.length)]!;
          const time = `2024-03-0${1 + Math.floor(rnd() * 9)}T00:00:00Z`;
          if (r < 0.25) appraise.run(u.id, leaf.code, m.id, '{}', serialize(score), '', time);
          else if (r < 0.28)
            appraise.run(u.id, leaf.code, m.id, '{}', '0.75', '', time); // a decimal spelling
          else if (r < 0.3) final.run(u.id, leaf.code, serialize(score));
          else if (r < 0.31) exempt.run(u.id, leaf.code, rnd() < 0.5 ? 'approved' : 'proposed');
          else if (r < 0.312) exempt.run(u.id, tree.byCode.get(leaf.code)!.parent!, 'approved');
        }
      }
      // an orphan: a final score where the unit has no dossier row
      const u = units[round]!;
      const leaf = treeFor(db, DEMO_CYCLE_ID, u.group).plan.leaves.find((l) => !l.survey)!;
      db.prepare('DELETE FROM dossier_items WHERE unit_id = ? AND node_code = ?').run(u.id, leaf.code);
      final.run(u.id, leaf.code, '3/7');
      check(false);
      check(true);
    }
    db.close();
  });

  it('after a merge: final scores on every counted leaf, with gaps, exemptions and stray codes', () => {
    const { db, check } = demoStore();
    const rnd = prng(7);
    const final = db.prepare(
      "INSERT OR REPLACE INTO final_scores (unit_id, node_code, input, score, updated_at) VALUES (?, ?, '{}', ?, '2024-03-01')",
    );
    const unfinal = db.prepare('DELETE FROM final_scores WHERE unit_id = ? AND node_code = ?');
    const exempt = db.prepare(
      "INSERT OR REPLACE INTO exemptions (unit_id, node_code, reason, status, created_at) VALUES (?, ?, 'Thử', ?, '2024-03-01')",
    );
    const scores = [rat(0), rat(1, 2), rat(3, 7), rat(7, 4), rat(595634 * 2, 596864), rat(1), rat(5, 11)];
    const units = listUnits(db, DEMO_CYCLE_ID);
    units.forEach((u, i) => {
      const { tree, plan } = treeFor(db, DEMO_CYCLE_ID, u.group);
      // Every leaf; on one unit in three, survey leaves too (a final score there never counts:
      // survey points do). On the others, the codes are exactly the counted leaves' (less the
      // exempted ones without a final score) and the scores are taken by place.
      for (const leaf of plan.leaves)
        if (i % 3 === 1 || !leaf.survey)
          final.run(u.id, leaf.code, serialize(scores[Math.floor(rnd() * scores.length)]!));
      const counted = plan.leaves.filter((l) => !l.survey);
      const pick = () => counted[Math.floor(rnd() * counted.length)]!;
      if (i % 5 === 1) unfinal.run(u.id, pick().code); // a gap: the leaf falls back to appraisal or self-assessment
      if (i % 7 === 2) {
        const leaf = pick(); // exempted, without a final score
        exempt.run(u.id, leaf.code, 'approved');
        unfinal.run(u.id, leaf.code);
      }
      if (i % 7 === 3) exempt.run(u.id, pick().code, rnd() < 0.5 ? 'approved' : 'proposed'); // exempted, final score kept
      if (i % 6 === 3) {
        const parent = tree.byCode.get(pick().code)!.parent!; // a whole criterion exempted, its leaves' final scores gone
        exempt.run(u.id, parent, 'proposed');
        for (const l of counted) if (l.path.includes(parent)) unfinal.run(u.id, l.code);
      }
      if (i % 4 === 0) final.run(u.id, tree.byCode.get(pick().code)!.parent!, '99'); // a final score on a criterion: not a leaf
    });
    check(false);
    check(true);
    db.close();
  });

  it('refuses a stored final score that is not one number, instead of reading it as a code and a score', () => {
    const { db } = demoStore();
    const unit = listUnits(db, DEMO_CYCLE_ID)[0]!;
    const codes = treeFor(db, DEMO_CYCLE_ID, unit.group)
      .plan.leaves.filter((l) => !l.survey)
      .map((l) => l.code)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const final = db.prepare(
      "INSERT OR REPLACE INTO final_scores (unit_id, node_code, input, score, updated_at) VALUES (?, ?, '{}', ?, '2024-03-01')",
    );
    // Every counted leaf has a final score (the unit is read from its final scores alone); the
    // last one, split at its space, would read as a score of 1 and a code "1.1" (not a leaf).
    for (const code of codes) final.run(unit.id, code, code === codes.at(-1) ? '1 1.1' : '0');
    expect(() => cycleFiguresFast(db, DEMO_CYCLE_ID)).toThrow(RangeError);
    db.close();
  });
});
