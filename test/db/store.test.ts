import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, tx } from '../../electron/core/db/connection.ts';
import { appendAudit, listAudit, verifyAuditChain } from '../../electron/core/db/repos/audit.ts';
import { listMembers } from '../../electron/core/db/repos/members.ts';
import { upsertAppraisal } from '../../electron/core/db/repos/appraisals.ts';
import { upsertExemption } from '../../electron/core/db/repos/exemptions.ts';
import { computeCycleTotals } from '../../electron/core/results/cycle-totals.ts';
import { cycleResults } from '../../electron/core/results/cycle-results.ts';
import { seed } from './seed.ts';
import { tempDirs } from './support.ts';
import { fixedDecimalText } from '../../shared/decimal/text.ts';

describe('the store', () => {
  const newDir = tempDirs();

  it('keeps members with their assigned fields', () => {
    const db = seed(newDir());
    expect(listMembers(db, 'c').map((m) => [m.name, m.fields])).toEqual([
      ['Nguyễn Văn A', ['1']],
      ['Trần Thị B', ['2']],
    ]);
    db.close();
  });

  it('recomputes totals exactly: self-assessment is provisional, survey points are imported', () => {
    const db = seed(newDir());
    const t = computeCycleTotals(db, 'c');
    const u1 = t.units.find((u) => u.unit.id === 'u1')!;
    expect(fixedDecimalText(u1.totals.benchmark, 2)).toBe('23.00');
    expect(fixedDecimalText(u1.totals.selfAssessed, 6)).toBe('1.666667');
    expect(fixedDecimalText(u1.totals.surveyCbccvc, 2)).toBe('8.50');
    expect(u1.provisional).toBe(2);
    expect(u1.appraised).toBe(0);
    db.close();
  });

  it('takes the assigned member’s appraisal over the self-score, ignores an unassigned member', () => {
    const db = seed(newDir());
    upsertAppraisal(db, {
      unitId: 'u1',
      nodeCode: '1.1',
      memberId: 'm1',
      input: { met: false },
      score: '0',
      comment: 'Chưa ban hành kế hoạch',
      updatedAt: '2024-01-02T00:00:00Z',
    });
    upsertAppraisal(db, {
      unitId: 'u1',
      nodeCode: '1.2',
      memberId: 'm2',
      input: { a: 0, b: 3 },
      score: '0',
      comment: '',
      updatedAt: '2024-01-02T00:00:00Z',
    });
    const u1 = computeCycleTotals(db, 'c').units.find((u) => u.unit.id === 'u1')!;
    expect(fixedDecimalText(u1.totals.selfAssessed, 6)).toBe('0.666667');
    expect(u1.appraised).toBe(1);
    expect(u1.provisional).toBe(1);
    db.close();
  });

  it('moves the benchmark with an approved exemption only (proposed ones only in the member’s own view)', () => {
    const db = seed(newDir());
    upsertExemption(db, {
      unitId: 'u2',
      nodeCode: '1.2',
      reason: 'Không được giao xây dựng văn bản QPPL',
      legalBasis: '',
      proposedBy: 'm1',
      status: 'proposed',
      decidedBy: null,
      decisionReason: null,
      createdAt: 'now',
      decidedAt: null,
    });
    const official = computeCycleTotals(db, 'c').units.find((u) => u.unit.id === 'u2')!;
    expect(fixedDecimalText(official.totals.benchmark, 2)).toBe('23.00');
    const own = computeCycleTotals(db, 'c', { includeProposedExemptions: true }).units.find((u) => u.unit.id === 'u2')!;
    expect(fixedDecimalText(own.totals.benchmark, 2)).toBe('21.00');
    expect(fixedDecimalText(own.totals.selfAssessed, 2)).toBe('1.00');
    const r = cycleResults(db, 'c', { includeProposedExemptions: true });
    const b = r.units.find((u) => u.unit === 'UBND huyện B')!;
    // (1 + 8.5 + 7.25) / 21 × 100 = 79.7619… → 79,76
    expect(b.published).toBe(7976n);
    expect(b.classification).toBe(3);
    db.close();
  });
});

describe('the audit log', () => {
  const newDir = tempDirs();

  it('chains every row to the previous one and verifies', () => {
    const db = openDatabase(join(newDir(), 'a.sqlite'));
    tx(db, () => {
      appendAudit(db, {
        actor: 'm1',
        action: 'appraisal.set',
        entity: 'appraisal',
        entityId: 'u1/1.1',
        before: null,
        after: { met: true },
      });
      appendAudit(db, {
        actor: 'm1',
        action: 'exemption.set',
        entity: 'exemption',
        entityId: 'u1/1.2',
        after: { reason: 'Không được giao' },
        reason: 'Không được giao',
      });
    });
    const rows = listAudit(db);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 2, head: rows[1]!.hash });
    db.close();
  });

  it('detects a row altered behind the triggers’ back', () => {
    const db = openDatabase(join(newDir(), 'b.sqlite'));
    appendAudit(db, { actor: 'm1', action: 'a', entity: 'e', entityId: '1', after: { x: 1 } });
    appendAudit(db, { actor: 'm1', action: 'a', entity: 'e', entityId: '2', after: { x: 2 } });
    db.exec('DROP TRIGGER audit_log_no_update');
    db.exec(`UPDATE audit_log SET after = '{"x":3}' WHERE seq = 1`);
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, seq: 1 });
    db.close();
  });
});
