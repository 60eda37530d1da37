/**
 * a member's indices equal the secretariat's for every unit. The cycle
 * package issued while the cycle is finalised carries the council's final results (the stored
 * snapshot and its hash); the member takes the final scores from it and shows the results as
 * final with the same hash. An open cycle's package carries none (the member's own work counts
 * on his screens while he appraises); a reopened cycle's next package takes them back.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recomputeStore } from '../../electron/core/audit/recompute.ts';
import { type Db, openDatabase } from '../../electron/core/db/connection.ts';
import { cycleContent, exportCyclePackage } from '../../electron/core/exchange/cycle-export.ts';
import { importCyclePackage } from '../../electron/core/exchange/cycle-package.ts';
import { readCouncilResults } from '../../electron/core/exchange/cycle-results.ts';
import { reopenCycle, resultsSnapshot } from '../../electron/core/council/finalise.ts';
import { generateSigner, sha256Hex } from '../../electron/core/exchange/keys.ts';
import { canonicalJson } from '../../shared/exchange/jcs.ts';
import { cycleReport } from '../../electron/core/report/report.ts';
import { tempDirs } from '../db/support.ts';
import { DEMO_CYCLE_ID, demoDb, unitIdOf } from '../report/demo-db.ts';

const view = (db: Db) =>
  cycleReport(db, DEMO_CYCLE_ID)
    .units.map((u) => [u.unitId, u.index, u.classification, u.rankOverall])
    .sort();

describe('the council’s final results travel in the cycle package', () => {
  const newDir = tempDirs('cchc-cycle-results-');

  it('gives a member the secretariat’s final indices and hash once finalised, and takes them back when reopened', () => {
    const secDir = newDir();
    const { db: sec } = demoDb(secDir);
    const signer = generateSigner();
    const issue = () => exportCyclePackage(sec, secDir, DEMO_CYCLE_ID, signer, { actor: 'sec', outDir: secDir }).path;
    const memberDir = newDir();
    const member = openDatabase(join(memberDir, 'store.sqlite'));
    const receive = (path: string) => importCyclePackage(member, memberDir, path, { actor: 'me', backup: false });

    // The council's values differ from the self-scores on three sub-criteria of Long Phú (merges and a decision).
    const longPhu = unitIdOf(sec, 'UBND huyện Long Phú');
    const put = sec.prepare(
      'INSERT INTO final_scores (unit_id, node_code, input, score, source_member, package_hash, decided_by, reason, updated_at) VALUES (?, ?, NULL, ?, ?, NULL, ?, ?, ?)',
    );
    const leafOf = (field: string) =>
      sec
        .prepare(
          "SELECT node_code FROM dossier_items WHERE unit_id = ? AND node_code LIKE ? || '.%' AND round2_score NOT IN ('0', '0/1') ORDER BY node_code LIMIT 1",
        )
        .pluck()
        .get(longPhu, field) as string;
    put.run(longPhu, leafOf('2'), '0', `${DEMO_CYCLE_ID}-tv04`, null, null, '2024-03-10T00:00:00.000Z');
    put.run(longPhu, leafOf('3'), '0', null, 'sec', 'Hội đồng thống nhất', '2024-03-10T00:00:00.000Z');
    put.run(longPhu, leafOf('7'), '0', `${DEMO_CYCLE_ID}-tv07`, null, null, '2024-03-10T00:00:00.000Z');

    // Open: nothing of the council's is carried; the member's results stay his draft.
    receive(issue());
    expect(member.prepare('SELECT count(*) FROM final_scores').pluck().get()).toBe(0);
    expect(cycleReport(member, DEMO_CYCLE_ID).status.finalised).toBe(false);
    expect(view(member)).not.toEqual(view(sec));

    // Finalised (the snapshot stored as finaliseCycle stores it): the next package makes the member's results the council's.
    const at = '2024-03-15T02:00:00.000Z';
    const content = canonicalJson(resultsSnapshot(sec, DEMO_CYCLE_ID, at));
    const hash = sha256Hex(content);
    sec
      .prepare(
        'INSERT INTO cycle_snapshots (cycle_id, created_at, actor, reason, content, hash) VALUES (?, ?, ?, NULL, ?, ?)',
      )
      .run(DEMO_CYCLE_ID, at, 'sec', content, hash);
    sec.prepare("UPDATE cycles SET status = 'finalised' WHERE id = ?").run(DEMO_CYCLE_ID);
    receive(issue());
    expect(view(member)).toEqual(view(sec));
    expect(cycleReport(member, DEMO_CYCLE_ID).status).toMatchObject({ finalised: true, snapshotHash: hash });
    expect(member.prepare('SELECT count(*) FROM final_scores').pluck().get()).toBe(3);
    // The member's store checks out: the final scores are the snapshot's, the snapshot has its hash.
    expect(recomputeStore(member)).toEqual([]);
    // Locked as at the secretariat.
    expect(() =>
      member
        .prepare("UPDATE final_scores SET score = '1' WHERE unit_id = ? AND node_code = ?")
        .run(longPhu, leafOf('2')),
    ).toThrow(/CYCLE_FINALISED/);

    // A snapshot that is not the one hashed is refused.
    const carried = cycleContent(sec, DEMO_CYCLE_ID, 9, at);
    const forged = {
      ...carried,
      results: { ...carried.results!, snapshot: carried.results!.snapshot.replace('"0"', '"1"') },
    };
    expect(() => readCouncilResults('goi.tar', forged)).toThrow(/không khớp mã băm/);
    // A final score above its sub-criterion's maximum, even hashed right, is refused.
    const snap = JSON.parse(carried.results!.snapshot) as {
      units: { id: string; scores: Record<string, { score: string }> }[];
    };
    snap.units.find((u) => u.id === longPhu)!.scores[leafOf('2')]!.score = '99';
    const text = canonicalJson(snap);
    expect(() =>
      readCouncilResults('goi.tar', {
        ...carried,
        results: { ...carried.results!, snapshot: text, hash: sha256Hex(text) },
      }),
    ).toThrow(/điểm không hợp lệ ở .*long-phu/);

    // Reopened: the next package carries no results, the member's cycle is open again with none of them.
    reopenCycle(sec, DEMO_CYCLE_ID, { actor: 'sec', reason: 'Sửa sai sót số liệu' });
    receive(issue());
    expect(member.prepare('SELECT count(*) FROM final_scores').pluck().get()).toBe(0);
    expect(member.prepare('SELECT status FROM cycles WHERE id = ?').pluck().get(DEMO_CYCLE_ID)).toBe('open');
    expect(cycleReport(member, DEMO_CYCLE_ID).status.finalised).toBe(false);
    for (const db of [sec, member]) db.close();
  });
});
