/**
 * Issue #4 end to end: the secretariat issues a signed cycle package; two members, each with
 * his own identity and database, import it, appraise offline and export signed packages; the
 * secretariat imports both, sees and resolves a conflict, approves an exemption, finalises;
 * the audit chain (and every stored package and snapshot) verifies.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { upsertDossierItem } from '../../electron/core/db/repos/dossiers.ts';
import { exportAudit, queryAudit, verifyStore } from '../../electron/core/audit/log.ts';
import {
  declareConflictOfInterest,
  listConflictsOfInterest,
} from '../../electron/core/council/conflicts-of-interest.ts';
import { completenessMatrix } from '../../electron/core/council/completeness.ts';
import { listConflicts, resolveConflict } from '../../electron/core/council/conflicts.ts';
import { exportCyclePackage } from '../../electron/core/exchange/cycle-export.ts';
import { importCyclePackage } from '../../electron/core/exchange/cycle-package.ts';
import { decideExemption, listExemptions } from '../../electron/core/exemptions/decide.ts';
import { exportAppraisalPackage } from '../../electron/core/exchange/export-appraisal.ts';
import { finaliseCycle, listSnapshots, readSnapshot, reopenCycle } from '../../electron/core/council/finalise.ts';
import { importFiles } from '../../electron/core/exchange/import-batch.ts';
import { previewImport } from '../../electron/core/exchange/import-preview.ts';
import { generateSigner, passphraseBox } from '../../electron/core/exchange/keys.ts';
import { createIdentity, readIdentityInfo, unlockIdentity } from '../../electron/core/exchange/keystore.ts';
import { memberForKey, registerMemberKey, rosterWithKeys } from '../../electron/core/council/roster-keys.ts';
import { cycleResults } from '../../electron/core/results/cycle-results.ts';
import { minutesDocumentHtml, unitSheetsDocumentHtml } from '../../electron/core/documents/documents.ts';
import { cycleNarrative } from '../../electron/core/report/narrative.ts';
import { cycleReport } from '../../electron/core/report/report.ts';
import { unitDrilldown } from '../../electron/core/report/drilldown.ts';
import { councilValue } from '../../shared/report/council-value.ts';
import { findDrill } from '../../shared/report/drilldown.ts';
import { setAppraisal } from '../../electron/core/dossier/appraisal.ts';
import { setExemption } from '../../electron/core/exemptions/propose.ts';
import { makeScope } from '../../electron/core/dossier/scope.ts';
import { tempDirs } from '../db/support.ts';
import { CYCLE, secretariatStore } from './fixture.ts';

const FAST = { logN: 10, r: 8, p: 1 };
/** A document's text without tags or entities, whitespace collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ')
    .replace(/\s+/g, ' ');
const sheetOf = (db: Parameters<typeof cycleReport>[0], unitId: string, kind: 'appraisal' | 'feedback' = 'appraisal') =>
  textOf(unitSheetsDocumentHtml(db, CYCLE, [unitId], { kind, fontCss: '' }));

describe('end to end: cycle package → two members → signed appraisals → merge → finalise', () => {
  const newDir = tempDirs('cchc-e2e-');

  it('runs the whole exchange and every check holds', () => {
    // Identities: one per installation, private keys sealed under a passphrase.
    const secDir = newDir();
    const m1Dir = newDir();
    const m2Dir = newDir();
    const box = (p: string) => passphraseBox(p, FAST);
    createIdentity(secDir, box('mật khẩu thường trực'));
    const m1Info = createIdentity(m1Dir, box('mật khẩu của An'));
    const m2Info = createIdentity(m2Dir, box('mật khẩu của Bình'));
    expect(() => unlockIdentity(m1Dir, box('sai mật khẩu'))).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_IDENTITY_LOCKED' }),
    );
    const secKey = unlockIdentity(secDir, box('mật khẩu thường trực'));

    // The secretariat's store; members' keys registered from their public keys after comparing fingerprints aloud.
    const sec = secretariatStore(secDir, {
      m1: generateSigner(),
      m2: generateSigner(),
      m3: generateSigner(),
      sec: secKey,
    });
    registerMemberKey(
      sec,
      CYCLE,
      'm1',
      JSON.stringify({ publicKey: m1Info.publicKey }),
      'sec',
      'Đối chiếu dấu vân tay qua điện thoại',
    );
    registerMemberKey(sec, CYCLE, 'm2', m2Info.publicKey, 'sec');
    const roster = rosterWithKeys(sec, CYCLE);
    expect(roster.find((r) => r.id === 'm1')?.display).toBe(m1Info.display);

    // Cycle package out; each member imports it into his own database.
    const issued = exportCyclePackage(sec, secDir, CYCLE, secKey, { actor: 'sec', outDir: secDir });
    expect(issued).toMatchObject({ revision: 1, units: 3, evidenceFiles: 12 });
    const memberDb = (dir: string) => {
      const db = openDatabase(join(dir, 'store.sqlite'));
      const r = importCyclePackage(db, dir, issued.path, {
        actor: 'me',
        expectFingerprint: readIdentityInfo(secDir)!.display,
      });
      expect(r).toMatchObject({ status: 'imported', revision: 1, units: 3 });
      return db;
    };
    const db1 = memberDb(m1Dir);
    const db2 = memberDb(m2Dir);
    expect(memberForKey(db1, CYCLE, m1Info.fingerprint)).toBe('m1');
    expect(() =>
      upsertDossierItem(db1, {
        unitId: 'u1',
        nodeCode: '1.1',
        round1Input: null,
        round1Score: '0',
        round2Input: null,
        round2Score: null,
        declared: null,
        explanation: '',
      }),
    ).toThrow(/DOSSIER_READ_ONLY/);
    expect(importCyclePackage(db1, m1Dir, issued.path, { actor: 'me' }).status).toBe('duplicate');

    // Member 1 (field 1): declares a conflict of interest with u3, appraises u1 and u2.
    const s1 = makeScope(db1, m1Dir, CYCLE, 'm1', 'member');
    declareConflictOfInterest(s1, 'u3', 'Tôi là lãnh đạo của đơn vị này');
    expect(() => setAppraisal(s1, { unitId: 'u3', nodeCode: '1.1', input: { met: true } })).toThrow(
      expect.objectContaining({ code: 'CONFLICT_OF_INTEREST' }),
    );
    const ev1 = db1.prepare("SELECT id FROM evidence WHERE title = 'Tài liệu 1.1 của u1'").pluck().get() as number;
    setAppraisal(s1, {
      unitId: 'u1',
      nodeCode: '1.1',
      input: { met: true },
      comment: 'Kế hoạch ban hành ngày 10/01',
      evidence: [
        { evidenceId: ev1, page: 1 },
        { evidenceId: ev1, page: 4 },
        { evidenceId: ev1, page: 1 },
      ],
    });
    // one document at two pages is two citations; the exact duplicate (page 1 twice) is merged
    expect(
      db1
        .prepare('SELECT page FROM appraisal_evidence WHERE unit_id = ? AND node_code = ? ORDER BY page')
        .pluck()
        .all('u1', '1.1'),
    ).toEqual([1, 4]);
    setAppraisal(s1, { unitId: 'u1', nodeCode: '1.2', input: { a: 2, b: 3 } });
    setAppraisal(s1, { unitId: 'u2', nodeCode: '1.1', input: { met: true } });
    setAppraisal(s1, { unitId: 'u2', nodeCode: '1.2', input: { a: 1, b: 1 } });

    // Member 2 (fields 1 and 2): disagrees on u1/1.1, proposes an exemption on u2/2.2.
    const s2 = makeScope(db2, m2Dir, CYCLE, 'm2', 'member');
    setAppraisal(s2, { unitId: 'u1', nodeCode: '1.1', input: { met: false }, comment: 'Kế hoạch ban hành trễ hạn' });
    for (const [u, code, input] of [
      ['u1', '1.2', { a: 2, b: 3 }],
      ['u2', '1.1', { met: true }],
      ['u2', '1.2', { a: 1, b: 1 }],
      ['u3', '1.1', { met: true }],
      ['u3', '1.2', { a: 0, b: 2 }],
      ['u1', '2.1', { met: true }],
      ['u1', '2.2', { met: true }],
      ['u2', '2.1', { met: false }],
      ['u3', '2.1', { met: true }],
      ['u3', '2.2', { met: true }],
    ] as const) {
      setAppraisal(s2, { unitId: u, nodeCode: code, input });
    }
    setExemption(s2, {
      unitId: 'u2',
      nodeCode: '2.2',
      reason: 'Năm 2023 không được giao nhiệm vụ theo dõi thi hành pháp luật',
      legalBasis: 'Kế hoạch 45/KH-UBND',
    });

    // Signed packages out (the app's save dialog gives the path; here a folder).
    const k1 = unlockIdentity(m1Dir, box('mật khẩu của An'));
    const k2 = unlockIdentity(m2Dir, box('mật khẩu của Bình'));
    const pk1 = exportAppraisalPackage(db1, CYCLE, 'm1', k1, { outDir: m1Dir });
    const pk2 = exportAppraisalPackage(db2, CYCLE, 'm2', k2, { outDir: m2Dir });
    expect([pk1.items, pk1.conflictsOfInterest, pk2.items]).toEqual([4, 1, 12]);

    // The secretariat imports both: the second brings a new conflict.
    const r1 = importFiles(sec, secDir, [pk1.path], { actor: 'sec' });
    expect(r1.outcomes[0]).toMatchObject({ status: 'imported' });
    expect(r1.backup).not.toBeNull();
    const preview = previewImport(sec, pk2.path);
    expect(preview.counts).toMatchObject({ added: 12, conflicts: 1, newConflicts: 1, exemptionsProposed: 1 });
    expect(preview.conflicts[0]).toMatchObject({ unitId: 'u1', nodeCode: '1.1', status: 'open', isNew: true });
    const r2 = importFiles(sec, secDir, [pk2.path], { actor: 'sec' });
    expect(r2.outcomes[0]).toMatchObject({ status: 'imported' });

    // Before any decision: results are a draft and the conflict is shown as such, not as a score.
    const draft = cycleReport(sec, CYCLE);
    expect(draft.status).toMatchObject({ finalised: false, snapshotHash: null, unresolvedConflicts: 1 });
    expect(draft.units.find((u) => u.unitId === 'u1')).toMatchObject({ conflicts: 1 });
    let u1 = unitDrilldown(sec, CYCLE, 'u1');
    expect(u1.conflicts).toBe(1);
    expect(findDrill(u1.fields, '1')!.unresolved).toBe(1);
    expect(councilValue(findDrill(u1.fields, '1.1')!)).toMatchObject({ state: 'conflict', score: null, comment: '' });
    expect(
      councilValue(findDrill(u1.fields, '1.1')!)
        .sides.map((x) => x.score)
        .sort(),
    ).toEqual(['0', '1']);
    expect(sheetOf(sec, 'u1')).toContain('DỰ THẢO');
    expect(sheetOf(sec, 'u1')).toContain('Chưa thống nhất');
    expect(sheetOf(sec, 'u1')).toContain(
      'Còn 1 tiêu chí thành phần các thành viên chấm khác nhau chưa được giải quyết',
    );
    const draftMinutes = textOf(minutesDocumentHtml(sec, CYCLE, { fontCss: '', charts: false }));
    expect(draftMinutes).toContain('DỰ THẢO');
    expect(draftMinutes).toContain('Còn 1 tiêu chí thành phần các thành viên chấm khác nhau chưa được giải quyết');
    expect(draftMinutes).not.toContain('đã thẩm định và xác định');
    expect(cycleNarrative(sec, CYCLE).find((x) => x.key === 'overall')!.sentences[0]!.text).toMatch(
      /^Kết quả tạm tính/,
    );

    // Side by side, then resolved with a reason.
    const open = listConflicts(sec, secDir, CYCLE, { status: 'open' });
    expect(open).toHaveLength(1);
    const c = open[0]!;
    expect(c).toMatchObject({
      unitId: 'u1',
      nodeCode: '1.1',
      nodeTitle: 'Kế hoạch CCHC năm',
      selfScore: '1',
      status: 'open',
    });
    expect(c.sides.map((s) => [s.memberId, s.score, s.comment])).toEqual([
      ['m1', '1', 'Kế hoạch ban hành ngày 10/01'],
      ['m2', '0', 'Kế hoạch ban hành trễ hạn'],
    ]);
    expect(c.sides[0]!.evidence).toEqual([
      expect.objectContaining({ title: 'Tài liệu 1.1 của u1', page: 1, status: 'ok' }),
      expect.objectContaining({ title: 'Tài liệu 1.1 của u1', page: 4, status: 'ok' }),
    ]);
    expect(c.sides[0]!.packageHash).toBe(pk1.packageHash);
    expect(() =>
      resolveConflict(sec, secDir, CYCLE, {
        unitId: 'u1',
        nodeCode: '1.1',
        choice: { memberId: 'm2' },
        reason: ' ',
        actor: 'sec',
      }),
    ).toThrow(expect.objectContaining({ code: 'EXCHANGE_REASON_REQUIRED' }));
    const resolved = resolveConflict(sec, secDir, CYCLE, {
      unitId: 'u1',
      nodeCode: '1.1',
      choice: { memberId: 'm2' },
      reason: 'Hội đồng thống nhất: văn bản ban hành ngày 20/01, quá hạn 15/01',
      actor: 'sec',
    });
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolution: { score: '0', sourceMember: 'm2', packageHash: pk2.packageHash, decidedBy: 'sec' },
    });
    expect(listConflicts(sec, secDir, CYCLE, { status: 'open' })).toEqual([]);
    // The council's value and comment: the chosen member's, with the reason; never the side that lost.
    u1 = unitDrilldown(sec, CYCLE, 'u1');
    expect(u1.conflicts).toBe(0);
    expect(councilValue(findDrill(u1.fields, '1.1')!)).toMatchObject({
      state: 'decided',
      score: '0',
      comment: 'Kế hoạch ban hành trễ hạn; Hội đồng thống nhất: văn bản ban hành ngày 20/01, quá hạn 15/01',
    });
    for (const kind of ['appraisal', 'feedback'] as const) {
      expect(sheetOf(sec, 'u1', kind)).toContain('Kế hoạch ban hành trễ hạn');
      expect(sheetOf(sec, 'u1', kind)).not.toContain('Kế hoạch ban hành ngày 10/01');
    }

    // Not yet complete: the exemption is pending.
    let matrix = completenessMatrix(sec, secDir, CYCLE);
    expect(matrix.ready).toBe(false);
    expect(matrix.totals).toMatchObject({ openConflicts: 0, exemptionsPending: 1, total: 12, appraised: 11 });
    expect(() => finaliseCycle(sec, secDir, CYCLE, { actor: 'sec' })).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_NOT_COMPLETE' }),
    );

    // The exemption approved: only now does it lower u2's benchmark.
    const benchmarkOf = (unit: string) => cycleResults(sec, CYCLE).units.find((u) => u.unit === unit)!.benchmark;
    const before = benchmarkOf('UBND huyện B');
    const [proposal] = listExemptions(sec, CYCLE, { status: 'proposed' });
    expect(proposal).toMatchObject({
      unitId: 'u2',
      nodeCode: '2.2',
      proposedBy: 'm2',
      proposedByName: 'Trần Thị Bình',
      packageHash: pk2.packageHash,
    });
    decideExemption(sec, CYCLE, {
      unitId: 'u2',
      nodeCode: '2.2',
      decision: 'approved',
      reason: 'Đúng Kế hoạch 45/KH-UBND',
      actor: 'sec',
    });
    expect(benchmarkOf('UBND huyện B').n * before.d).toBe((before.n - before.d) * benchmarkOf('UBND huyện B').d); // one point less

    matrix = completenessMatrix(sec, secDir, CYCLE);
    expect(matrix).toMatchObject({ ready: true, blockers: [] });
    expect(matrix.rows.find((r) => r.unitId === 'u2')!.cells[1]).toMatchObject({
      field: '2',
      total: 1,
      appraised: 1,
      complete: true,
    });

    // Final scores keep their provenance; the conflict of interest is on the minutes' list.
    const provenance = sec
      .prepare(
        "SELECT source_member, package_hash, decided_by FROM final_scores WHERE unit_id = 'u3' AND node_code = '1.1'",
      )
      .get();
    expect(provenance).toEqual({ source_member: 'm2', package_hash: pk2.packageHash, decided_by: null });
    expect(listConflictsOfInterest(sec, CYCLE)).toEqual([
      expect.objectContaining({
        unitId: 'u3',
        memberId: 'm1',
        reason: 'Tôi là lãnh đạo của đơn vị này',
        packageHash: pk1.packageHash,
      }),
    ]);

    // Finalise: a snapshot with its hash, the cycle locked.
    const snap = finaliseCycle(sec, secDir, CYCLE, { actor: 'sec', reason: 'Phiên họp Hội đồng ngày 15/3/2024' });
    expect(snap.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(readSnapshot(sec, snap.id)).toMatchObject({ intact: true });
    // Final: the report carries the snapshot's hash, the minutes print it and are no longer a draft;
    // the approved exemption is not counted as provisional.
    const finalReport = cycleReport(sec, CYCLE);
    expect(finalReport.status).toMatchObject({
      finalised: true,
      snapshotHash: snap.hash,
      unresolvedConflicts: 0,
      provisionalScores: 0,
    });
    const finalMinutes = textOf(minutesDocumentHtml(sec, CYCLE, { fontCss: '', charts: false }));
    expect(finalMinutes).not.toContain('DỰ THẢO');
    expect(finalMinutes).not.toContain('còn tạm tính');
    expect(finalMinutes).toContain(snap.hash);
    expect(sheetOf(sec, 'u2')).not.toContain('DỰ THẢO');
    expect(sheetOf(sec, 'u2')).not.toContain('tạm tính');
    expect(
      (readSnapshot(sec, snap.id)!.content as { conflictsOfInterest: unknown[] }).conflictsOfInterest,
    ).toHaveLength(1);
    expect(() =>
      resolveConflict(sec, secDir, CYCLE, {
        unitId: 'u1',
        nodeCode: '1.1',
        choice: { memberId: 'm1' },
        reason: 'x',
        actor: 'sec',
      }),
    ).toThrow();
    expect(() => sec.prepare("UPDATE final_scores SET score = '1'").run()).toThrow(/CYCLE_FINALISED/);
    const late = importFiles(sec, secDir, [pk1.path], { actor: 'sec' });
    expect(late.outcomes[0]!.status).not.toBe('imported');

    // Reopening needs a reason and is logged; the snapshot stays.
    expect(() => reopenCycle(sec, CYCLE, { actor: 'sec', reason: '' })).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_REASON_REQUIRED' }),
    );
    reopenCycle(sec, CYCLE, { actor: 'sec', reason: 'Sửa sai sót số liệu theo Công văn 12/SNV' });
    expect(listSnapshots(sec, CYCLE)).toHaveLength(1);
    const log = queryAudit(sec, { action: 'cycle.' });
    expect(log.rows.map((r) => r.action)).toEqual(['cycle.reopen', 'cycle.finalise', 'cycle.export']);
    expect(queryAudit(sec, { packageHash: pk2.packageHash }).total).toBeGreaterThan(1);

    // The audit chain, every stored package's signature and every snapshot verify; the log exports.
    const check = verifyStore(sec);
    expect(check).toMatchObject({ ok: true, packages: { checked: 2, bad: [] }, snapshots: { checked: 1, bad: [] } });
    const exported = exportAudit(sec, join(secDir, 'audit.csv'), { format: 'csv' });
    expect(exported).toMatchObject({ chainOk: true, rows: check.chain.ok ? check.chain.rows : -1 });
    for (const db of [db1, db2]) expect(verifyStore(db).ok).toBe(true);
    for (const db of [sec, db1, db2]) expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const db of [sec, db1, db2]) db.close();
  });
});
