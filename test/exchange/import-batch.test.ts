/**
 * Importing several packages at once (import-batch.ts): consecutive packages share a
 * transaction, and nothing else changes. The store ends exactly as importing the files one
 * per transaction leaves it; a refused file writes nothing and does not stop the batch; a
 * failure while writing rolls the open batch back and imports its files again one by one;
 * the transaction is committed at its bound.
 */
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../electron/core/db/connection.ts';
import { verifyAuditChain } from '../../electron/core/db/repos/audit.ts';
import { importBatch } from '../../electron/core/exchange/import-batch.ts';
import { commitImport } from '../../electron/core/exchange/import.ts';
import { tempDirs } from '../db/support.ts';
import { type SyntheticPackage, syntheticFiles } from './synthetic.ts';

const AT = '2024-03-05T02:00:00.000Z';
const OPTIONS = { actor: 'sec', at: AT, backup: false } as const;

/** Everything an import writes, in a stable order. */
function contents(db: Db): Record<string, unknown[]> {
  const all = (sql: string) => db.prepare(sql).raw().all();
  return {
    packages: all('SELECT * FROM exchange_packages ORDER BY package_hash'),
    appraisals: all('SELECT * FROM appraisals ORDER BY unit_id, node_code, member_id'),
    evidence: all('SELECT * FROM appraisal_evidence ORDER BY unit_id, node_code, member_id, evidence_id'),
    finals: all('SELECT * FROM final_scores ORDER BY unit_id, node_code'),
    exemptions: all('SELECT * FROM exemptions ORDER BY unit_id, node_code'),
    declarations: all('SELECT * FROM conflicts_of_interest ORDER BY unit_id, member_id'),
    audit: all('SELECT * FROM audit_log ORDER BY seq'),
  };
}

describe('importing several appraisal packages at once', () => {
  const newDir = tempDirs('cchc-batch-');
  let dir: string;
  let base: string;
  let packages: readonly SyntheticPackage[];
  let files: string[];

  beforeAll(() => {
    dir = newDir();
    // The members of fields 1 and 2: the second appraisers among them disagree on every fifth item.
    ({ packages, base, files } = syntheticFiles(dir, {
      only: (m) => m.fields.includes('1') || m.fields.includes('2'),
      disagreeEvery: 5,
    }));
  });

  let copies = 0;
  const store = (): Db => {
    const path = join(dir, `copy-${++copies}.sqlite`);
    copyFileSync(base, path);
    return openDatabase(path, { backupBeforeMigrate: false });
  };
  /** The reference: each file committed in its own transaction. */
  const oneByOne = (paths: readonly string[]) => {
    const db = store();
    const outcomes = paths.map((p) => commitImport(db, dir, p, OPTIONS));
    const c = contents(db);
    db.close();
    return { outcomes, contents: c };
  };

  it('leaves the store exactly as importing the files one per transaction does', () => {
    expect(packages.length).toBeGreaterThanOrEqual(4);
    const imported = packages.map(() => 'imported');
    const ref = oneByOne(files);
    const db = store();
    const cache = db.pragma('cache_size', { simple: true });
    const { outcomes, backup } = importBatch(
      db,
      dir,
      files.map((path) => ({ path })),
      OPTIONS,
    );
    expect(db.pragma('cache_size', { simple: true })).toBe(cache); // the batch's larger cache given back
    expect(backup).toBeNull();
    expect(outcomes.map((o) => o.status)).toEqual(imported);
    expect(outcomes).toEqual(ref.outcomes);
    expect(outcomes.some((o) => (o.counts?.conflicts ?? 0) > 0)).toBe(true); // members disagreed
    const c = contents(db);
    expect(c).toEqual(ref.contents);
    expect(c['appraisals']!.length).toBe(packages.reduce((s, p) => s + p.payload.appraisals.length, 0));
    expect(verifyAuditChain(db).ok).toBe(true);
    db.close();
  });

  it('refuses a tampered file and a changed preview without writing them, imports the rest, and backs up once', () => {
    const tampered = join(dir, 'tampered.cchc-appraisal.json');
    const text = packages[1]!.text;
    const at = text.indexOf('"score":"') + '"score":"'.length;
    writeFileSync(tampered, text.slice(0, at) + (text[at] === '0' ? '1' : '0') + text.slice(at + 1));
    const db = store();
    const { outcomes, backup } = importBatch(
      db,
      dir,
      [
        { path: files[0]! },
        { path: tampered },
        { path: files[2]!, expectedHash: packages[3]!.packageHash },
        { path: files[3]!, expectedHash: packages[3]!.packageHash },
        { path: files[0]! },
      ],
      { actor: 'sec', at: AT },
    );
    expect(outcomes.map((o) => [o.status, o.code])).toEqual([
      ['imported', null],
      ['refused', 'EXCHANGE_BAD_SIGNATURE'],
      ['refused', 'EXCHANGE_FILE_CHANGED'],
      ['imported', null],
      ['duplicate', 'EXCHANGE_DUPLICATE'],
    ]);
    expect(backup).not.toBeNull();
    expect(existsSync(backup!)).toBe(true);
    const ref = oneByOne([files[0]!, files[3]!]);
    expect(contents(db)).toEqual(ref.contents);
    expect(verifyAuditChain(db).ok).toBe(true);
    db.close();
  });

  it('rolls the open batch back on a failed write and imports its files again one by one', () => {
    const db = store();
    // A write the checks cannot foresee fails for the third package (as a full disk would).
    db.exec(`CREATE TEMP TRIGGER fail_third BEFORE INSERT ON main.exchange_packages
      WHEN NEW.package_hash = '${packages[2]!.packageHash}' BEGIN SELECT RAISE(ABORT, 'write failed'); END`);
    const execs: string[] = [];
    const exec = db.exec.bind(db);
    db.exec = (sql: string) => {
      execs.push(sql);
      return exec(sql);
    };
    expect(() =>
      importBatch(
        db,
        dir,
        files.map((path) => ({ path })),
        OPTIONS,
      ),
    ).toThrow('write failed');
    expect(execs).toEqual(['BEGIN IMMEDIATE', 'ROLLBACK']);
    expect(db.inTransaction).toBe(false);
    // The first two are there, as one transaction each would have left them; the third and fourth are not.
    expect(contents(db)).toEqual(oneByOne(files.slice(0, 2)).contents);
    expect(verifyAuditChain(db).ok).toBe(true);
    db.close();
  });

  it('commits the transaction when it reaches its bound', () => {
    const db = store();
    const execs: string[] = [];
    const exec = db.exec.bind(db);
    db.exec = (sql: string) => {
      execs.push(sql);
      return exec(sql);
    };
    const bound = packages[0]!.payload.appraisals.length + packages[1]!.payload.appraisals.length;
    const { outcomes } = importBatch(
      db,
      dir,
      files.map((path) => ({ path })),
      OPTIONS,
      bound,
    );
    expect(outcomes.map((o) => o.status)).toEqual(packages.map(() => 'imported'));
    // The first two packages reach the bound; the rest (fewer items than the bound) share the next transaction.
    expect(execs).toEqual(['BEGIN IMMEDIATE', 'COMMIT', 'BEGIN IMMEDIATE', 'COMMIT']);
    expect(contents(db)).toEqual(oneByOne(files).contents);
    db.close();
  });
});
