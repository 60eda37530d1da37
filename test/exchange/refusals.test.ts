/**
 * Every refusal of an appraisal package: a stable code, a Vietnamese message naming the file
 * and the reason, and nothing written (row counts, audit log, no backup taken).
 */
import { existsSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/connection.ts';
import { exportAppraisalPackage } from '../../electron/core/exchange/export-appraisal.ts';
import { commitImport } from '../../electron/core/exchange/import.ts';
import { importFiles } from '../../electron/core/exchange/import-batch.ts';
import { previewImport } from '../../electron/core/exchange/import-preview.ts';
import { generateSigner } from '../../electron/core/exchange/keys.ts';
import { setAppraisal } from '../../electron/core/dossier/appraisal.ts';
import type { AppraisalPayload } from '../../shared/exchange/appraisal-package.ts';
import { tempDirs } from '../db/support.ts';
import { CYCLE, type Keys, counts, makeKeys, memberCopy, memberScope, resign, secretariatStore } from './fixture.ts';

describe('import refusals (each writes nothing)', () => {
  const newDir = tempDirs('cchc-refuse-');
  let keys: Keys;
  let secDir: string;
  let sec: Db;
  let work: string;
  let p1: string;
  let p2: string;

  beforeAll(() => {
    keys = makeKeys();
    secDir = newDir();
    sec = secretariatStore(secDir, keys);
    const mDir = newDir();
    const m1 = memberCopy(sec, secDir, mDir);
    const scope = memberScope(m1, mDir, 'm1');
    setAppraisal(scope, { unitId: 'u1', nodeCode: '1.1', input: { met: true }, comment: 'Kiem tra ke hoach' });
    setAppraisal(scope, { unitId: 'u2', nodeCode: '1.2', input: { a: 1, b: 2 } });
    p1 = exportAppraisalPackage(m1, CYCLE, 'm1', keys.m1, { outDir: mDir }).path;
    setAppraisal(scope, { unitId: 'u3', nodeCode: '1.1', input: { met: false } });
    p2 = exportAppraisalPackage(m1, CYCLE, 'm1', keys.m1, { outDir: mDir }).path;
    m1.close();
    work = newDir();
  });

  /** Imports `file` through every entry point and checks the refusal and that nothing was written. */
  function expectRefused(file: string, code: string) {
    const before = counts(sec);
    const backups = () => (existsSync(join(secDir, 'backups')) ? readdirSync(join(secDir, 'backups')).length : 0);
    const backupsBefore = backups();
    const name = file.split('/').pop()!;
    const { outcomes, backup } = importFiles(sec, secDir, [file], { actor: 'sec' });
    expect(outcomes[0]).toMatchObject({ status: 'refused', code });
    expect(outcomes[0]!.message).toContain(`Tệp “${name}” bị từ chối:`);
    expect(backup).toBeNull();
    expect(() => previewImport(sec, file)).toThrow(expect.objectContaining({ code }));
    expect(() => commitImport(sec, secDir, file, { actor: 'sec' })).toThrow(expect.objectContaining({ code }));
    expect(counts(sec)).toEqual(before);
    expect(backups()).toBe(backupsBefore);
    return outcomes[0]!;
  }

  const edited = (
    name: string,
    edit: (p: AppraisalPayload) => void,
    signer?: () => ReturnType<typeof generateSigner>,
    keepFingerprint = false,
  ) => resign(p1, join(work, name), signer ? signer() : keys.m1, edit, keepFingerprint);

  it('one flipped byte (the signature no longer matches)', () => {
    const bytes = readFileSync(p1);
    const at = bytes.indexOf('Kiem tra ke hoach') + 3;
    bytes[at] = bytes[at]! ^ 0x01;
    const file = join(work, 'flipped.cchc-appraisal.json');
    writeFileSync(file, bytes);
    const o = expectRefused(file, 'EXCHANGE_BAD_SIGNATURE');
    expect(o.message).toMatch(/chữ ký số không khớp/);
  });

  it('a forged signer: m2 signs a package that names m1', () => {
    expectRefused(
      edited(
        'forged.json',
        () => {},
        () => keys.m2,
      ),
      'EXCHANGE_SIGNER_MISMATCH',
    );
  });

  it('a key that is not on the roster', () => {
    expectRefused(
      edited('stranger.json', () => {}, generateSigner),
      'EXCHANGE_SIGNER_NOT_ON_ROSTER',
    );
  });

  it('a signature key that is not the key the payload names', () => {
    expectRefused(
      edited('keyswap.json', (p) => Object.assign(p, { keyFingerprint: keys.m2.fingerprint }), undefined, true),
      'EXCHANGE_KEY_MISMATCH',
    );
  });

  it('a wrong cycle, and frameworks that are not the cycle’s', () => {
    expectRefused(
      edited('cycle.json', (p) => Object.assign(p, { cycleId: 'st-2022' })),
      'EXCHANGE_WRONG_CYCLE',
    );
    expectRefused(
      edited('framework.json', (p) => Object.assign(p, { frameworks: { district: 'f'.repeat(64) } })),
      'EXCHANGE_FRAMEWORK_MISMATCH',
    );
  });

  it('a node outside the member’s scope (another field, a survey leaf, a declared scope he was not given)', () => {
    const item = (unitId: string, nodeCode: string) => ({
      unitId,
      nodeCode,
      input: { met: true },
      score: '1',
      comment: '',
      evidence: [],
      exemption: null,
      updatedAt: '2024-01-01T00:00:00.000Z',
    });
    const o = expectRefused(
      edited('scope.json', (p) => p.appraisals.push(item('u1', '2.1'))),
      'EXCHANGE_OUT_OF_SCOPE',
    );
    expect(o.message).toContain('2.1');
    expectRefused(
      edited('survey.json', (p) =>
        p.appraisals.push({ ...item('u1', '8.1'), input: { points: 5 } as never, score: '5' }),
      ),
      'EXCHANGE_OUT_OF_SCOPE',
    );
    expectRefused(
      edited('fields.json', (p) => Object.assign(p, { scope: { fields: ['1', '2'] } })),
      'EXCHANGE_SCOPE_MISMATCH',
    );
    expectRefused(
      edited('node.json', (p) => p.appraisals.push(item('u1', '1.9'))),
      'EXCHANGE_UNKNOWN_NODE',
    );
    expectRefused(
      edited('unit.json', (p) => p.appraisals.push(item('u9', '1.1'))),
      'EXCHANGE_UNKNOWN_UNIT',
    );
  });

  it('a score that does not follow from its input, an invalid input, an exemption where none is allowed', () => {
    expectRefused(
      edited('score.json', (p) => Object.assign(p.appraisals[0]!, { input: { met: false } })),
      'EXCHANGE_SCORE_MISMATCH',
    );
    expectRefused(
      edited('input.json', (p) => Object.assign(p.appraisals[0]!, { input: { a: 3, b: 0 }, score: '0' })),
      'EXCHANGE_INVALID_INPUT',
    );
    expectRefused(
      edited('exempt.json', (p) =>
        Object.assign(p.appraisals.find((a) => a.nodeCode === '1.1')!, {
          exemption: { reason: 'Không có nhiệm vụ', legalBasis: '' },
        }),
      ),
      'EXCHANGE_EXEMPTION_NOT_ALLOWED',
    );
  });

  it('scores for a unit the member declared a conflict of interest with', () => {
    expectRefused(
      edited('coi.json', (p) =>
        p.conflictsOfInterest.push({ unitId: 'u1', reason: 'Cơ quan của tôi', declaredAt: '2024-01-01T00:00:00.000Z' }),
      ),
      'EXCHANGE_COI_VIOLATION',
    );
  });

  it('a truncated file, an oversized file, invalid JSON, a broken schema, a cycle package', () => {
    const text = readFileSync(p1, 'utf8');
    const cut = join(work, 'cut.cchc-appraisal.json');
    writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
    expectRefused(cut, 'EXCHANGE_TRUNCATED');
    const empty = join(work, 'empty.json');
    writeFileSync(empty, '');
    expectRefused(empty, 'EXCHANGE_TRUNCATED');

    const big = join(work, 'big.cchc-appraisal.json');
    writeFileSync(big, text);
    truncateSync(big, 20 * 1024 * 1024 + 1);
    const o = expectRefused(big, 'EXCHANGE_TOO_LARGE');
    expect(o.message).toMatch(/lớn hơn giới hạn/);

    const junk = join(work, 'junk.json');
    writeFileSync(junk, 'không phải JSON');
    expectRefused(junk, 'EXCHANGE_INVALID_JSON');
    const latin = join(work, 'latin1.json');
    writeFileSync(latin, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    expectRefused(latin, 'EXCHANGE_INVALID_JSON');

    const doc = JSON.parse(text) as { payload: Record<string, unknown> };
    delete doc.payload['sequence'];
    const schema = join(work, 'schema.json');
    writeFileSync(schema, JSON.stringify(doc));
    expect(expectRefused(schema, 'EXCHANGE_SCHEMA').message).toContain('sequence');

    const tar = Buffer.alloc(1024);
    tar.write('manifest.json', 0);
    tar.write('ustar\u000000', 257, 'latin1');
    const tarFile = join(work, 'cycle.cchc-cycle.tar');
    writeFileSync(tarFile, tar);
    expectRefused(tarFile, 'EXCHANGE_WRONG_KIND');
  });

  it('a replayed package is a no-op and an older one is superseded; a reused number or a broken chain is refused', () => {
    const first = importFiles(sec, secDir, [p2], { actor: 'sec' }).outcomes[0]!;
    expect(first.status).toBe('imported');
    const after = counts(sec);

    const replay = importFiles(sec, secDir, [p2], { actor: 'sec' });
    expect(replay.outcomes[0]).toMatchObject({ status: 'duplicate', code: 'EXCHANGE_DUPLICATE' });
    expect(replay.backup).toBeNull();
    const older = importFiles(sec, secDir, [p1], { actor: 'sec' });
    expect(older.outcomes[0]).toMatchObject({ status: 'superseded', code: 'EXCHANGE_SUPERSEDED' });
    expect(older.outcomes[0]!.message).toContain(p1.split('/').pop()!);
    expect(counts(sec)).toEqual(after);

    const reused = resign(p2, join(work, 'reused.json'), keys.m1, (p) =>
      Object.assign(p.appraisals[0]!, { comment: 'sửa lại' }),
    );
    const r = importFiles(sec, secDir, [reused], { actor: 'sec' });
    expect(r.outcomes[0]).toMatchObject({ status: 'refused', code: 'EXCHANGE_SEQUENCE_REUSED' });
    const broken = resign(p2, join(work, 'broken.json'), keys.m1, (p) =>
      Object.assign(p, { sequence: 3, previousPackageHash: 'a'.repeat(64) }),
    );
    expect(importFiles(sec, secDir, [broken], { actor: 'sec' }).outcomes[0]).toMatchObject({
      status: 'refused',
      code: 'EXCHANGE_CHAIN_BROKEN',
    });
    expect(counts(sec)).toEqual(after);
  });

  it('a file that changed since its preview; a finalised cycle', () => {
    const file = join(work, 'changing.json');
    writeFileSync(file, readFileSync(p2));
    const preview = previewImport(sec, file);
    writeFileSync(file, readFileSync(p1));
    const before = counts(sec);
    expect(() => commitImport(sec, secDir, file, { actor: 'sec', expectedHash: preview.packageHash })).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_FILE_CHANGED' }),
    );
    expect(counts(sec)).toEqual(before);

    sec.prepare("UPDATE cycles SET status = 'finalised'").run();
    try {
      const late = resign(p2, join(work, 'late.json'), keys.m1, (p) => Object.assign(p, { sequence: 9 }));
      expectRefused(late, 'EXCHANGE_CYCLE_FINALISED');
    } finally {
      sec.prepare("UPDATE cycles SET status = 'open'").run();
    }
  });
});
