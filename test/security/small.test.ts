/**
 * the smaller ones — scrypt cost, weak passphrases, KDF parameters from a
 * key file, local hosts for openExternal, backups killed mid-copy, impossible dates, control
 * characters in CLI output, the harness token off Chromium's command line, dates in
 * Vietnam's time.
 */
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { backupDatabase, backupsDir } from '../../electron/core/db/backup.ts';
import { DEFAULT_SCRYPT, passphraseBox } from '../../electron/core/exchange/keys.ts';
import { createIdentity, identityPath, unlockIdentity } from '../../electron/core/exchange/keystore.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, chromiumArgs } from '../../electron/harness/chromium.ts';
import { writeLaunchPage } from '../../electron/harness/launch-page.ts';
import { isAllowedExternalUrl } from '../../electron/main/security.ts';
import { day, parseDay, when } from '../../renderer/features/exchange/format.ts';
import { isRealIsoTime } from '../../shared/exchange/appraisal-item-rules.ts';
import { formatIsoDate } from '../../shared/format/vi.ts';
import { tempDirs } from '../db/support.ts';
import {
  ALLOWED_URLS,
  CONTROL_NAMES,
  GOOD_PASSPHRASES,
  IMPOSSIBLE_TIMES,
  LOCAL_URLS,
  REAL_TIMES,
  WEAK_PASSPHRASES,
} from './small-attacks.ts';

const FAST = { logN: 10, r: 8, p: 1 };
const newDir = tempDirs('cchc-sec-small-');

describe('keys', () => {
  it('seals new keys with scrypt N ≥ 2^17 (OWASP minimum) by default', () => {
    expect(DEFAULT_SCRYPT.logN).toBeGreaterThanOrEqual(17);
    const dir = newDir();
    createIdentity(dir, passphraseBox(GOOD_PASSPHRASES[0]!));
    const k = JSON.parse(readFileSync(identityPath(dir), 'utf8')) as { kdf: { N: number } };
    expect(k.kdf.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(unlockIdentity(dir, passphraseBox(GOOD_PASSPHRASES[0]!)).fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(WEAK_PASSPHRASES)('refuses the new passphrase %j (nothing written)', (p) => {
    const dir = newDir();
    expect(() => createIdentity(dir, passphraseBox(p, FAST))).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_PASSPHRASE_WEAK' }),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(GOOD_PASSPHRASES)('accepts %j', (p) => {
    expect(createIdentity(newDir(), passphraseBox(p, FAST)).fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses, without deriving, KDF parameters from a key file above the caps', () => {
    for (const kdf of [
      { N: 2 ** 30, r: 8, p: 1 },
      { N: 2 ** 17, r: 255, p: 1 },
      { N: 2 ** 17, r: 8, p: 200 },
      { N: 2 ** 20, r: 8, p: 1 },
      { N: 3, r: 8, p: 1 },
    ]) {
      const dir = newDir();
      createIdentity(dir, passphraseBox(GOOD_PASSPHRASES[1]!, FAST));
      const k = JSON.parse(readFileSync(identityPath(dir), 'utf8'));
      writeFileSync(identityPath(dir), JSON.stringify({ ...k, kdf: { name: 'scrypt', ...kdf } }));
      expect(() => unlockIdentity(dir, passphraseBox(GOOD_PASSPHRASES[1]!)), JSON.stringify(kdf)).toThrow(
        expect.objectContaining({ code: 'EXCHANGE_IDENTITY_LOCKED' }),
      );
    }
  });
});

describe('openExternal', () => {
  it.each(LOCAL_URLS)('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
  it.each(ALLOWED_URLS)('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));
});

describe('dates', () => {
  it.each(IMPOSSIBLE_TIMES)('%s does not exist', (t) => expect(isRealIsoTime(t)).toBe(false));
  it.each(REAL_TIMES)('%s exists', (t) => expect(isRealIsoTime(t)).toBe(true));

  it('shows dd/mm/yyyy in Vietnam’s time, whatever the machine’s zone', () => {
    // 20:30 UTC on 14 March is 03:30 on 15 March in Vietnam
    expect(formatIsoDate('2024-03-14T20:30:00Z')).toBe('15/03/2024');
    expect(formatIsoDate('2024-03-14T16:59:59Z')).toBe('14/03/2024');
    expect(formatIsoDate('2024-03-15')).toBe('15/03/2024');
    expect(day('2024-03-14T20:30:00.000Z')).toBe('15/03/2024');
    expect(when('2024-03-14T20:30:00.000Z')).toBe('15/03/2024 03:30');
    expect(parseDay('15/03/2024')).toBe('2024-03-14T17:00:00.000Z');
    expect(parseDay('15/03/2024', true)).toBe('2024-03-15T16:59:59.999Z');
    expect(parseDay('31/02/2024')).toBeNull();
  });
});

describe('backups', () => {
  it('a copy killed mid-way leaves nothing behind after the next backup (.partial and .partial-journal)', () => {
    const dir = newDir();
    const db = openDatabase(join(dir, 'store.sqlite'));
    mkdirSync(backupsDir(dir), { recursive: true });
    for (const f of ['cchc-x-import.sqlite.partial', 'cchc-x-import.sqlite.partial-journal'])
      writeFileSync(join(backupsDir(dir), f), 'half');
    const made = backupDatabase(db, dir, 'import');
    db.close();
    expect(readdirSync(backupsDir(dir))).toEqual([made!.split('/').pop()]);
  });
});

describe('CLI output', () => {
  it('escapes control characters of unit names in table output (and JSON still parses to the same names)', async () => {
    const dir = newDir();
    const rows = CONTROL_NAMES.map((n, i) => `"${n}",district,94,${50 + i},13,14`).join('\n');
    const csv = join(dir, 'ten.csv');
    writeFileSync(csv, `unit,group,benchmark_max,self_assessed,survey_cbccvc,survey_sipas\n${rows}\n`);
    for (const format of ['table', 'json']) {
      let out = '';
      const code = await runCli(['results', '--summary', csv, '--format', format], {
        out: (t) => void (out += t),
        err: () => {},
      });
      expect(code).toBe(0);
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      if (format === 'table') expect(out).toContain('UBND huyện \\u001b[31mĐỎ\\u001b[0m');
      else expect(JSON.stringify(JSON.parse(out))).toContain(JSON.stringify(CONTROL_NAMES[0]).slice(1, -1));
    }
  });
});

describe('harness launch', () => {
  it('keeps the token off Chromium’s command line: a private page moves on to the address with the token', async () => {
    const token = 'f'.repeat(64);
    const server = createServer((req, res) => res.end(req.url ?? ''));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const url = `http://127.0.0.1:${port}/?token=${token}`;
    const profile = mkdtempSync(join(tmpdir(), 'cchc-chromium-'));
    const launch = writeLaunchPage(profile, url);
    const args = [...chromiumArgs({ headless: true, userDataDir: profile }), `--app=${launch}`];
    expect(args.join(' ')).not.toContain(token);
    expect(statSync(profile).mode & 0o777).toBe(0o700);
    expect(statSync(new URL(launch)).mode & 0o777).toBe(0o600);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
    try {
      const page = await browser.newPage();
      await page.goto(launch);
      await page.waitForURL(url, { timeout: 15_000 });
      expect(await page.textContent('body')).toBe(`/?token=${token}`);
    } finally {
      await browser.close();
      server.close();
    }
  }, 60_000);
});
