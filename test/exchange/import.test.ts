import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/db/repos/audit.ts';
import { readAppraisalPackage } from '../../electron/core/exchange/appraisal-file.ts';
import { exportAppraisalPackage } from '../../electron/core/exchange/export-appraisal.ts';
import { commitImport } from '../../electron/core/exchange/import.ts';
import { importFiles } from '../../electron/core/exchange/import-batch.ts';
import { previewImport } from '../../electron/core/exchange/import-preview.ts';
import { setAppraisal } from '../../electron/core/dossier/appraisal.ts';
import { setExemption } from '../../electron/core/exemptions/propose.ts';
import { tempDirs } from '../db/support.ts';
import { CYCLE, counts, makeKeys, memberCopy, memberScope, secretariatStore } from './fixture.ts';

describe('appraisal packages: export, verify, preview, import', () => {
  const newDir = tempDirs('cchc-xchg-');

  function setup() {
    const keys = makeKeys();
    const secDir = newDir();
    const sec = secretariatStore(secDir, keys);
    const m1Dir = newDir();
    const m1 = memberCopy(sec, secDir, m1Dir);
    return { keys, secDir, sec, m1Dir, m1 };
  }

  it('exports a canonical signed package that verifies, then previews and imports it in one transaction with audit', () => {
    const { keys, secDir, sec, m1Dir, m1 } = setup();
    const scope = memberScope(m1, m1Dir, 'm1');
    const ev = m1.prepare("SELECT id FROM evidence WHERE title = 'Tài liệu 1.1 của u1'").pluck().get() as number;
    setAppraisal(scope, {
      unitId: 'u1',
      nodeCode: '1.1',
      input: { met: true },
      comment: 'Đúng hạn',
      evidence: [{ evidenceId: ev, page: 2 }],
    });
    setAppraisal(scope, { unitId: 'u1', nodeCode: '1.2', input: { a: 1, b: 3 } });
    setExemption(scope, {
      unitId: 'u2',
      nodeCode: '1.2',
      reason: 'Không được giao ban hành văn bản QPPL',
      legalBasis: 'Quyết định 123/QĐ-UBND',
    });

    const out = exportAppraisalPackage(m1, CYCLE, 'm1', keys.m1, { outDir: m1Dir, now: '2024-02-01T08:00:00.000Z' });
    expect(out).toMatchObject({ sequence: 1, previousPackageHash: null, items: 3, skipped: [] });
    expect(out.fileName).toBe('st-2023_m1_001.cchc-appraisal.json');
    const text = readFileSync(out.path, 'utf8');
    expect(text.startsWith('{"payload":{"appraisals":[')).toBe(true); // canonical: keys sorted, no whitespace
    const pkg = readAppraisalPackage(out.path);
    expect(pkg.packageHash).toBe(out.packageHash);
    expect(pkg.payload.appraisals.find((a) => a.nodeCode === '1.2' && a.unitId === 'u1')?.score).toBe('2/3');
    expect(pkg.payload.appraisals.find((a) => a.unitId === 'u1' && a.nodeCode === '1.1')?.evidence).toEqual([
      expect.objectContaining({ page: 2, title: 'Tài liệu 1.1 của u1' }),
    ]);

    const before = counts(sec);
    const preview = previewImport(sec, out.path);
    expect(counts(sec)).toEqual(before);
    expect(preview).toMatchObject({
      state: 'new',
      sequence: 1,
      gap: false,
      member: { id: 'm1', name: 'Nguyễn Văn An' },
    });
    expect(preview.counts).toMatchObject({ added: 3, changed: 0, removed: 0, conflicts: 0, exemptionsProposed: 1 });
    expect(preview.member.display).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);

    const outcome = commitImport(sec, secDir, out.path, { actor: 'sec', expectedHash: preview.packageHash });
    expect(outcome).toMatchObject({ status: 'imported', code: null, sequence: 1 });
    const after = counts(sec);
    expect(after.exchange_packages).toBe(1);
    expect(after.appraisals).toBe(3);
    expect(after.final_scores).toBe(2); // the exemption-only item gives no score
    expect(after.exemptions).toBe(1);
    expect(after.audit_log - before.audit_log).toBe(outcome.auditRows);
    const finals = sec
      .prepare(
        'SELECT unit_id, node_code, score, source_member, package_hash FROM final_scores ORDER BY unit_id, node_code',
      )
      .all();
    expect(finals).toEqual([
      { unit_id: 'u1', node_code: '1.1', score: '1', source_member: 'm1', package_hash: out.packageHash },
      { unit_id: 'u1', node_code: '1.2', score: '2/3', source_member: 'm1', package_hash: out.packageHash },
    ]);
    expect(sec.prepare("SELECT status, proposed_by, package_hash FROM exemptions WHERE unit_id = 'u2'").get()).toEqual({
      status: 'proposed',
      proposed_by: 'm1',
      package_hash: out.packageHash,
    });
    expect(sec.prepare('SELECT count(*) FROM audit_log WHERE package_hash = ?').pluck().get(out.packageHash)).toBe(
      outcome.auditRows,
    );
    expect(verifyAuditChain(sec).ok).toBe(true);
    // a backup of the database file was taken before the commit
    expect(outcome.status).toBe('imported');

    // the same file again is a no-op
    const again = commitImport(sec, secDir, out.path, { actor: 'sec' });
    expect(again).toMatchObject({ status: 'duplicate', code: 'EXCHANGE_DUPLICATE' });
    expect(counts(sec)).toEqual(after);
  });

  it('chains packages: the next one replaces the snapshot (changed, withdrawn) and keeps the provenance of unchanged items', () => {
    const { keys, secDir, sec, m1Dir, m1 } = setup();
    const scope = memberScope(m1, m1Dir, 'm1');
    setAppraisal(scope, { unitId: 'u1', nodeCode: '1.1', input: { met: true } });
    setAppraisal(scope, { unitId: 'u2', nodeCode: '1.1', input: { met: true } });
    const p1 = exportAppraisalPackage(m1, CYCLE, 'm1', keys.m1, { outDir: m1Dir });
    setAppraisal(scope, { unitId: 'u2', nodeCode: '1.1', input: { met: false }, comment: 'Kế hoạch ban hành muộn' });
    m1.prepare("DELETE FROM appraisals WHERE member_id = 'm1' AND unit_id = 'u1'").run();
    setAppraisal(scope, { unitId: 'u3', nodeCode: '1.1', input: { met: true } });
    const p2 = exportAppraisalPackage(m1, CYCLE, 'm1', keys.m1, { outDir: m1Dir });
    expect(p2).toMatchObject({ sequence: 2, previousPackageHash: p1.packageHash });

    const { outcomes, backup } = importFiles(sec, secDir, [p1.path], { actor: 'sec' });
    expect(outcomes[0]!.status).toBe('imported');
    expect(backup).toMatch(/backups[\\/]cchc-\d{8}-\d{6}-import\.sqlite$/);
    const preview = previewImport(sec, p2.path);
    expect(preview.counts).toMatchObject({ added: 1, changed: 1, removed: 1, unchanged: 0 });
    expect(preview.changes.find((c) => c.kind === 'changed')).toMatchObject({
      unitId: 'u2',
      nodeCode: '1.1',
      before: { score: '1' },
      after: { score: '0' },
    });
    const r = importFiles(sec, secDir, [p2.path, p1.path], { actor: 'sec' });
    expect(r.outcomes.map((o) => o.status)).toEqual(['imported', 'duplicate']);
    expect(r.outcomes[1]!.message).toContain(p1.fileName);
    expect(
      sec.prepare("SELECT unit_id, score, package_hash FROM appraisals WHERE member_id = 'm1' ORDER BY unit_id").all(),
    ).toEqual([
      { unit_id: 'u2', score: '0', package_hash: p2.packageHash },
      { unit_id: 'u3', score: '1', package_hash: p2.packageHash },
    ]);
    expect(sec.prepare('SELECT unit_id, score FROM final_scores ORDER BY unit_id').all()).toEqual([
      { unit_id: 'u2', score: '0' },
      { unit_id: 'u3', score: '1' },
    ]);
    expect(verifyAuditChain(sec).ok).toBe(true);
  });
});
