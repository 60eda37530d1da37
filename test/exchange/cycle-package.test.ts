/** The cycle package: what it carries, and its refusals (each writes nothing to the member's store). */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../electron/core/db/connection.ts';
import { exportCyclePackage } from '../../electron/core/exchange/cycle-export.ts';
import { importCyclePackage } from '../../electron/core/exchange/cycle-package.ts';
import { verifyCyclePackage } from '../../electron/core/exchange/cycle-verify.ts';
import { generateSigner, type Signer } from '../../electron/core/exchange/keys.ts';
import { header } from '../../electron/core/exchange/tar.ts';
import { evidenceStatus } from '../../electron/core/evidence/files.ts';
import { formatFingerprint } from '../../shared/exchange/fingerprint.ts';
import { tempDirs } from '../db/support.ts';
import { CYCLE, type Keys, makeKeys, secretariatStore } from './fixture.ts';

describe('cycle packages', () => {
  const newDir = tempDirs('cchc-cyclepkg-');
  let keys: Keys;
  let secDir: string;
  let sec: Db;
  let file: string;

  beforeAll(() => {
    keys = makeKeys();
    secDir = newDir();
    sec = secretariatStore(secDir, keys);
    file = exportCyclePackage(sec, secDir, CYCLE, keys.sec, {
      actor: 'sec',
      outDir: secDir,
      now: '2024-01-05T00:00:00.000Z',
    }).path;
  });

  const tables = (db: Db) =>
    Object.fromEntries(
      [
        'cycles',
        'units',
        'members',
        'dossier_items',
        'evidence',
        'dossier_evidence',
        'cycle_packages',
        'audit_log',
      ].map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]),
    );

  function fresh() {
    const dir = newDir();
    return { dir, db: openDatabase(join(dir, 'store.sqlite')) };
  }

  function expectRefused(
    path: string,
    code: string,
    options: { expectFingerprint?: string; db?: Db; dir?: string } = {},
  ) {
    const { dir, db } = options.db ? { dir: options.dir!, db: options.db } : fresh();
    const before = tables(db);
    const files = () =>
      existsSync(join(dir, 'evidence')) ? readdirSync(join(dir, 'evidence'), { recursive: true }).length : 0;
    const filesBefore = files();
    let error: unknown;
    try {
      importCyclePackage(db, dir, path, {
        actor: 'me',
        ...(options.expectFingerprint ? { expectFingerprint: options.expectFingerprint } : {}),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toContain(`Tệp “${path.split('/').pop()}” bị từ chối`);
    expect(tables(db)).toEqual(before);
    expect(files()).toBe(filesBefore);
    return error as Error;
  }

  it('is a standard tar: manifest, signature, content, then evidence files by hash', () => {
    const list = execFileSync('tar', ['tf', file], { encoding: 'utf8' }).trim().split('\n');
    expect(list.slice(0, 3)).toEqual(['manifest.json', 'manifest.sig', 'cycle.json']);
    expect(list.slice(3)).toHaveLength(12);
    for (const name of list.slice(3)) expect(name).toMatch(/^evidence\/[0-9a-f]{64}$/);
    const v = verifyCyclePackage(file);
    expect(v.signer.display).toBe(formatFingerprint(keys.sec.fingerprint));
    expect(v.content.roster.find((m) => m.id === 'm1')).toMatchObject({
      fields: ['1'],
      fingerprint: keys.m1.fingerprint,
    });
  });

  it('imports into a member’s empty store with its evidence files, and refuses an older or a repeated revision', () => {
    const { dir, db } = fresh();
    const r = importCyclePackage(db, dir, file, {
      actor: 'm1',
      expectFingerprint: formatFingerprint(keys.sec.fingerprint),
    });
    expect(r).toMatchObject({ status: 'imported', revision: 1, units: 3, members: 4, evidenceFiles: 12 });
    expect(tables(db)).toMatchObject({
      cycles: 1,
      units: 3,
      members: 4,
      dossier_items: 12,
      evidence: 12,
      dossier_evidence: 12,
      cycle_packages: 1,
    });
    for (const sha of db.prepare('SELECT sha256 FROM evidence').pluck().all() as string[])
      expect(evidenceStatus(dir, sha)).toBe('ok');
    expect(importCyclePackage(db, dir, file, { actor: 'm1' })).toMatchObject({
      status: 'duplicate',
      code: 'EXCHANGE_DUPLICATE',
    });

    // a second revision (round 2) replaces the dossiers; the first is then superseded
    sec
      .prepare(
        "UPDATE dossier_items SET round2_input = '{\"met\":false}', round2_score = '0' WHERE unit_id = 'u1' AND node_code = '1.1'",
      )
      .run();
    const second = exportCyclePackage(sec, secDir, CYCLE, keys.sec, { actor: 'sec', outDir: secDir });
    expect(second.revision).toBe(2);
    expect(importCyclePackage(db, dir, second.path, { actor: 'm1' }).status).toBe('imported');
    expect(
      db.prepare("SELECT round2_score FROM dossier_items WHERE unit_id = 'u1' AND node_code = '1.1'").pluck().get(),
    ).toBe('0');
    expect(importCyclePackage(db, dir, file, { actor: 'm1' })).toMatchObject({ status: 'duplicate' });
    const other2 = fresh();
    importCyclePackage(other2.db, other2.dir, second.path, { actor: 'm2' });
    expect(importCyclePackage(other2.db, other2.dir, file, { actor: 'm2' })).toMatchObject({
      status: 'superseded',
      code: 'EXCHANGE_SUPERSEDED',
    });
    other2.db.close();

    // another key, even a valid one, is not the secretariat that issued revision 1
    const other = exportCyclePackage(sec, secDir, CYCLE, generateSigner(), { actor: 'sec', outDir: newDir() });
    expectRefused(other.path, 'EXCHANGE_SIGNER_CHANGED', { db, dir });
    db.close();
  });

  it('refuses a fingerprint that is not the one read aloud, and a cycle the store already holds as its own', () => {
    expectRefused(file, 'EXCHANGE_SIGNER_MISMATCH', {
      expectFingerprint: formatFingerprint(generateSigner().fingerprint),
    });
    expectRefused(file, 'EXCHANGE_CYCLE_EXISTS', { db: sec, dir: secDir });
  });

  it('refuses a flipped byte in any part, a truncated file, an oversized file, a file that is not a package', () => {
    const bytes = readFileSync(file);
    const work = newDir();
    const at = (needle: string) => bytes.indexOf(needle);
    const flip = (name: string, offset: number) => {
      const b = Buffer.from(bytes);
      b[offset] = b[offset]! ^ 0x01;
      const p = join(work, name);
      writeFileSync(p, b);
      return p;
    };
    // in the manifest's text: the signature no longer matches
    expectRefused(flip('manifest.cchc-cycle.tar', at('"issuedAt":"2024-01-05') + 20), 'EXCHANGE_BAD_SIGNATURE');
    // in cycle.json and in an evidence file: its hash no longer matches the signed manifest
    expectRefused(flip('content.cchc-cycle.tar', at('"dossiers":') + 3), 'EXCHANGE_HASH_MISMATCH');
    expectRefused(flip('evidence.cchc-cycle.tar', at('%PDF-1.4') + 5), 'EXCHANGE_HASH_MISMATCH');
    // in a tar header
    expectRefused(flip('header.cchc-cycle.tar', 10), 'EXCHANGE_MANIFEST');

    const cut = join(work, 'cut.cchc-cycle.tar');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 2000));
    expectRefused(cut, 'EXCHANGE_TRUNCATED');
    const big = join(work, 'big.cchc-cycle.tar');
    writeFileSync(big, bytes);
    truncateSync(big, 2 * 1024 * 1024 * 1024 + 1);
    expect(statSync(big).size).toBeGreaterThan(2 ** 31);
    expectRefused(big, 'EXCHANGE_TOO_LARGE');
    const extra = join(work, 'extra.cchc-cycle.tar');
    const pad = Buffer.alloc(509);
    writeFileSync(
      extra,
      Buffer.concat([
        bytes.subarray(0, bytes.length - 1024),
        header('extra.txt', 3, 0),
        Buffer.from('abc'),
        pad,
        Buffer.alloc(1024),
      ]),
    );
    expectRefused(extra, 'EXCHANGE_MANIFEST');
    const json = join(work, 'appraisal.json');
    writeFileSync(json, '{"payload":{}}');
    expectRefused(json, 'EXCHANGE_WRONG_KIND');
  });

  it('refuses to export when an evidence file is missing', () => {
    const dir = newDir();
    const db = secretariatStore(dir, makeKeys());
    const sha = db.prepare('SELECT sha256 FROM evidence LIMIT 1').pluck().get() as string;
    writeFileSync(join(dir, 'evidence', sha.slice(0, 2), sha), 'đã bị sửa');
    expect(() => exportCyclePackage(db, dir, CYCLE, generateSigner() as Signer, { actor: 'sec', outDir: dir })).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_EVIDENCE_MISSING' }),
    );
    db.close();
  });
});
