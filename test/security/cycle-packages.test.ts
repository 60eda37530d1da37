/**
 * forged cycle packages (test/security/cycle-attacks.ts, one line
 * each) against a member's store that already received the real cycle. Each is refused with
 * its code and leaves every table as it was; through the CLI, a refused import-cycle into a
 * new --db leaves no database behind.
 */
import { existsSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run.ts';
import { type Db, openDatabase } from '../../electron/core/db/connection.ts';
import { exportCyclePackage } from '../../electron/core/exchange/cycle-export.ts';
import { importCyclePackage } from '../../electron/core/exchange/cycle-package.ts';
import { generateSigner } from '../../electron/core/exchange/keys.ts';
import { tempDirs } from '../db/support.ts';
import { CYCLE, type Keys, makeKeys, secretariatStore } from '../exchange/fixture.ts';
import { CYCLE_ATTACKS } from './cycle-attacks.ts';
import { forgeCyclePackage, forgedPath } from './forge.ts';
import { storeState } from './store-state.ts';

async function cchc(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('forged cycle packages', () => {
  const newDir = tempDirs('cchc-sec-cycle-');
  const stranger = generateSigner();
  let keys: Keys;
  let secDir: string;
  let real: string;
  let memberDir: string;
  let member: Db;
  let work: string;

  beforeAll(() => {
    keys = makeKeys();
    secDir = newDir();
    const sec = secretariatStore(secDir, keys);
    real = exportCyclePackage(sec, secDir, CYCLE, keys.sec, {
      actor: 'sec',
      outDir: secDir,
      now: '2024-01-05T00:00:00.000Z',
    }).path;
    sec.close();
    memberDir = newDir();
    member = openDatabase(join(memberDir, 'store.sqlite'));
    expect(importCyclePackage(member, memberDir, real, { actor: 'm1' }).status).toBe('imported');
    work = newDir();
  });

  const evidenceFiles = () => readdirSync(join(memberDir, 'evidence'), { recursive: true }).length;

  it.each(CYCLE_ATTACKS.map((a) => [a.name, a] as const))('item %s', (_name, attack) => {
    const file = forgeCyclePackage(
      real,
      secDir,
      attack.stranger ? stranger : keys.sec,
      forgedPath(work, attack.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)),
      attack.mutate,
      {
        ...(attack.raw ? { raw: attack.raw } : {}),
        ...(attack.issuedAt ? { issuedAt: attack.issuedAt } : {}),
      },
    );
    const before = storeState(member);
    const files = evidenceFiles();
    let error: unknown;
    try {
      importCyclePackage(member, memberDir, file, { actor: 'm1' });
    } catch (e) {
      error = e;
    }
    expect(error, attack.name).toMatchObject({ code: attack.code });
    expect(storeState(member)).toEqual(before);
    expect(evidenceFiles()).toBe(files);
  });

  it('the same attack through the CLI: exit 1, coded, the store unchanged; into a new --db, no database is left', async () => {
    const attack = CYCLE_ATTACKS[0]!;
    const file = forgeCyclePackage(real, secDir, stranger, forgedPath(work, 'cli'), attack.mutate);
    member.pragma('wal_checkpoint(TRUNCATE)');
    const before = storeState(member);
    const r = await cchc('import-cycle', file, '--db', join(memberDir, 'store.sqlite'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^EXCHANGE_ID_COLLISION: /);
    expect(storeState(member)).toEqual(before);

    const fresh = newDir();
    const bad = join(work, 'not-a-package.cchc-cycle.tar');
    writeFileSync(bad, 'rác');
    const refused = await cchc('import-cycle', bad, '--db', join(fresh, 'new.sqlite'));
    expect(refused.code).toBe(1);
    expect(existsSync(join(fresh, 'new.sqlite'))).toBe(false);
    expect(readdirSync(fresh).filter((f) => f.includes('sqlite'))).toEqual([]);
    // an empty file given as --db stays an empty file
    const empty = join(fresh, 'empty.sqlite');
    writeFileSync(empty, '');
    expect((await cchc('import-cycle', bad, '--db', empty)).code).toBe(1);
    expect(statSync(empty).size).toBe(0);
    // the real package still goes into a new database
    const ok = await cchc('import-cycle', real, '--db', join(fresh, 'ok.sqlite'));
    expect(ok.code).toBe(0);
  });
});
