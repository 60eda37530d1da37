/** The exchange commands, in process (runCli) and, for exit codes, once as a real process. */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { setAppraisal } from '../../electron/core/dossier/appraisal.ts';
import { makeScope } from '../../electron/core/dossier/scope.ts';
import { CLI_BUNDLE, ROOT } from '../cli/helpers.ts';
import { tempDirs } from '../db/support.ts';
import { CYCLE, makeKeys, secretariatStore } from './fixture.ts';

async function cchc(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

describe('cchc exchange commands', () => {
  const newDir = tempDirs('cchc-xcli-');
  const saved = process.env['CCHC_PASSPHRASE'];
  beforeAll(() => {
    process.env['CCHC_PASSPHRASE'] = 'mật khẩu kiểm thử';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env['CCHC_PASSPHRASE'];
    else process.env['CCHC_PASSPHRASE'] = saved;
  });

  it('keygen → export-cycle → import-cycle → export-appraisal → verify → import → merge-status → finalise → audit-verify', {
    timeout: 60_000,
  }, async () => {
    const secDir = newDir();
    const m1Dir = newDir();
    const secDb = join(secDir, 'store.sqlite');
    const m1Db = join(m1Dir, 'store.sqlite');
    secretariatStore(secDir, makeKeys()).close();

    // identities
    const sec = await cchc('keygen', '--data-dir', secDir);
    expect(sec).toMatchObject({ code: 0, stderr: '' });
    expect(sec.json()).toMatchObject({ created: true, protection: 'passphrase' });
    const m1 = await cchc('keygen', '--data-dir', m1Dir, '--out', join(m1Dir, 'identity.pub.json'));
    expect(m1.json().display).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    const again = await cchc('keygen', '--data-dir', m1Dir);
    expect(again).toMatchObject({ code: 0 });
    expect(again.json()).toMatchObject({ created: false, fingerprint: m1.json().fingerprint });
    expect(again.stderr).toMatch(/đã có khóa định danh/);
    const reg = await cchc(
      'keygen',
      '--db',
      secDb,
      '--member',
      'm1',
      '--public-key',
      join(m1Dir, 'identity.pub.json'),
      '--actor',
      'sec',
      '--reason',
      'Đối chiếu trực tiếp',
    );
    expect(reg).toMatchObject({ code: 0 });
    expect(reg.json()).toMatchObject({ member: 'm1', fingerprint: m1.json().fingerprint });

    // cycle package out and in
    const cyc = await cchc('export-cycle', '--db', secDb, '--out-dir', secDir, '--actor', 'sec');
    expect(cyc).toMatchObject({ code: 0 });
    const cycFile = cyc.json().path as string;
    expect((await cchc('verify', cycFile)).json()).toMatchObject({ kind: 'cycle', valid: true, revision: 1 });
    const wrongFp = await cchc('import-cycle', cycFile, '--db', m1Db, '--fingerprint', m1.json().display);
    expect(wrongFp.code).toBe(1);
    expect(wrongFp.stderr).toMatch(/^EXCHANGE_SIGNER_MISMATCH: Tệp “.*\.cchc-cycle\.tar” bị từ chối/);
    const got = await cchc('import-cycle', cycFile, '--db', m1Db, '--fingerprint', sec.json().display);
    expect(got).toMatchObject({ code: 0 });
    expect(got.json()).toMatchObject({ status: 'imported', units: 3 });

    // the member appraises offline and exports
    const db = openDatabase(m1Db);
    setAppraisal(makeScope(db, m1Dir, CYCLE, 'm1', 'member'), {
      unitId: 'u1',
      nodeCode: '1.1',
      input: { met: true },
      comment: 'Đạt',
    });
    db.close();
    const noPass = await cchc(
      'export-appraisal',
      '--db',
      m1Db,
      '--out-dir',
      m1Dir,
      '--passphrase-file',
      join(m1Dir, 'missing.txt'),
    );
    expect(noPass.code).toBe(2);
    const out = await cchc('export-appraisal', '--db', m1Db, '--out-dir', m1Dir);
    expect(out).toMatchObject({ code: 0 });
    const pkgFile = out.json().path as string;
    expect(out.json()).toMatchObject({ sequence: 1, items: 1 });

    // verify: valid, with and without the store; a tampered copy fails with its code
    expect((await cchc('verify', pkgFile)).json()).toMatchObject({
      kind: 'appraisal',
      valid: true,
      member: { id: 'm1' },
      sequence: 1,
    });
    expect((await cchc('verify', pkgFile, '--db', secDb)).json()).toMatchObject({ state: 'new' });
    const bad = join(m1Dir, 'bad.json');
    writeFileSync(bad, readFileSync(pkgFile, 'utf8').replace('Đạt', 'Đat'));
    const v = await cchc('verify', bad);
    expect(v).toMatchObject({ code: 1, stdout: '' });
    expect(v.stderr).toBe(
      'EXCHANGE_BAD_SIGNATURE: Tệp “bad.json” bị từ chối: chữ ký số không khớp với nội dung (tệp đã bị sửa sau khi ký).\n',
    );

    // import: one good, one refused (exit 1), then the same again (a no-op)
    const imp = await cchc('import', pkgFile, bad, '--db', secDb, '--actor', 'sec');
    expect(imp.code).toBe(1);
    expect(imp.json().outcomes.map((o: { status: string }) => o.status)).toEqual(['imported', 'refused']);
    expect(imp.stderr).toMatch(/^EXCHANGE_BAD_SIGNATURE: /);
    const dry = await cchc('import', pkgFile, '--db', secDb, '--dry-run');
    expect(dry.json()[0]).toMatchObject({ state: 'duplicate' });
    const rep = await cchc('import', pkgFile, '--db', secDb);
    expect(rep.code).toBe(0);
    expect(rep.stderr).toMatch(/^EXCHANGE_DUPLICATE: /);

    // status, finalise refused while incomplete, audit verified and exported
    const st = await cchc('merge-status', '--db', secDb);
    expect(st.json()).toMatchObject({ cycleId: CYCLE, ready: false, totals: { total: 12, appraised: 1 } });
    expect(st.json().members.find((m: { id: string }) => m.id === 'm1').lastPackage).toMatchObject({ sequence: 1 });
    const table = await cchc('merge-status', '--db', secDb, '--format', 'table');
    expect(table.stdout).toMatch(/UBND huyện A\s+1\/2\*?\s+0\/2/);
    const fin = await cchc('finalise', '--db', secDb, '--actor', 'sec');
    expect(fin.code).toBe(1);
    expect(fin.stderr).toMatch(/^EXCHANGE_NOT_COMPLETE: Chưa thể chốt kết quả/);
    const audit = await cchc(
      'audit-verify',
      '--db',
      secDb,
      '--export',
      join(secDir, 'audit.json'),
      '--action',
      'package.',
    );
    expect(audit.stderr).toBe('');
    expect(audit).toMatchObject({ code: 0 });
    expect(audit.json()).toMatchObject({ ok: true, packages: { checked: 1 }, export: { chainOk: true } });
    const exported = JSON.parse(readFileSync(join(secDir, 'audit.json'), 'utf8'));
    expect(exported.rows.map((r: { action: string }) => r.action)).toEqual(['package.merge', 'package.import']);

    // usage errors exit 2
    expect((await cchc('verify')).code).toBe(2);
    expect((await cchc('import', '--db', secDb)).code).toBe(2);
    expect((await cchc('merge-status', '--db', secDb, '--format', 'xml')).code).toBe(2);
  });

  it('verify as a real process: exit 0 for a valid package, 1 and the code on stderr otherwise', {
    timeout: 60_000,
  }, async () => {
    const dir = newDir();
    const junk = join(dir, 'x.cchc-appraisal.json');
    writeFileSync(junk, '{"payload":');
    const run = (file: string) =>
      new Promise<{ code: number; stderr: string }>((done) =>
        execFile(process.execPath, [CLI_BUNDLE, 'verify', file], { cwd: ROOT, encoding: 'utf8' }, (err, _o, stderr) =>
          done({ code: err ? Number(err.code) : 0, stderr }),
        ),
      );
    const r = await run(junk);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'EXCHANGE_TRUNCATED: Tệp “x.cchc-appraisal.json” bị từ chối: tệp bị cắt cụt (thiếu phần cuối).\n',
    );
  });
});
