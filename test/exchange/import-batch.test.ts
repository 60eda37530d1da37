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
import type { AppraisalItem } from '../../shared/exchange/appraisal-package.ts';
import { listConflicts, resolveConflict } from '../../electron/core/council/conflicts.ts';
import { cycleContext, leafOf } from '../../electron/core/exchange/cycle-context.ts';
import { type SyntheticMember, type SyntheticPackage, nextPackage, syntheticFiles } from './synthetic.ts';

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
  let members: readonly SyntheticMember[];
  let cycleId: string;
  let files: string[];

  beforeAll(() => {
    dir = newDir();
    // The members of fields 1 and 2: the second appraisers among them disagree on every fifth item.
    ({ packages, members, cycleId, base, files } = syntheticFiles(dir, {
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

  /**
   * A second and third round inside one batch: the merges of a batch share what they read
   * (merge-rows.ts), so each must see the writes of the packages before it. Member A (a
   * second appraiser of field 1) withdraws items, leaves some unscored, changes scores and
   * proposes exemptions; B, of the same field, then agrees with A's new scores and withdraws
   * items of his own; A's third package rewords one exemption, withdraws the other and
   * appraises again what he had withdrawn; B then proposes the exemption A withdrew.
   */
  const laterRounds = () => {
    const memberOf = (id: string) => members.find((m) => m.id === id)!;
    const a = packages.find((p) => /-x\d+$/.test(p.memberId) && memberOf(p.memberId).fields.includes('1'))!;
    const b = packages.find((p) => p !== a && memberOf(p.memberId).fields.includes('1'))!;
    const db = openDatabase(base, { mode: 'read' });
    const ctx = cycleContext(db, cycleId);
    const exemptable = (i: AppraisalItem) => leafOf(ctx, i.unitId, i.nodeCode)?.node.exemptable === true;
    const group = (i: AppraisalItem) => ctx.units.get(i.unitId)!.group;
    db.close();
    // Another unit's item of the same sub-criterion and group, scored otherwise: its input and score are a valid change.
    const otherInput = (items: readonly AppraisalItem[], i: AppraisalItem) =>
      items.find((x) => x.nodeCode === i.nodeCode && group(x) === group(i) && x.input !== null && x.score !== i.score);
    const changedKeys = new Map<string, AppraisalItem>();
    const a2 = nextPackage(dir, memberOf(a.memberId), a, (items) => {
      let proposals = 0;
      return items.flatMap((i, n): AppraisalItem[] => {
        if (n % 6 === 1) return []; // withdrawn
        if (n % 9 === 2) return [{ ...i, input: null, score: null, comment: 'Chưa đủ tài liệu để chấm.' }];
        const o = n % 4 === 3 ? otherInput(items, i) : undefined;
        if (o) {
          const changed = { ...i, input: o.input, score: o.score };
          changedKeys.set(`${i.unitId}/${i.nodeCode}`, changed);
          return [changed];
        }
        if (proposals < 2 && exemptable(i)) {
          proposals += 1;
          return [{ ...i, exemption: { reason: `Đơn vị không phát sinh nhiệm vụ (${proposals})`, legalBasis: '' } }];
        }
        return [i];
      });
    });
    const b2 = nextPackage(dir, memberOf(b.memberId), b, (items) =>
      items.flatMap((i, n): AppraisalItem[] => {
        if (n % 11 === 5) return [];
        const c = changedKeys.get(`${i.unitId}/${i.nodeCode}`);
        return [c ? { ...i, input: c.input, score: c.score } : i];
      }),
    );
    const a3 = nextPackage(dir, memberOf(a.memberId), a2, (items) => {
      const proposed = items.filter((i) => i.exemption !== null);
      const withdrawn = a.payload.appraisals.filter((i, n) => n % 6 === 1).slice(0, 5);
      return [
        ...items.map((i) =>
          i === proposed[0]
            ? { ...i, exemption: { reason: 'Nhiệm vụ chuyển giao cho cấp tỉnh', legalBasis: 'Nghị định 30' } }
            : i === proposed[1]
              ? { ...i, exemption: null }
              : i,
        ),
        ...withdrawn,
      ].sort((x, y) => (x.unitId < y.unitId ? -1 : x.unitId > y.unitId ? 1 : x.nodeCode < y.nodeCode ? -1 : 1));
    });
    // B proposes the exemption A withdrew.
    const gone = a2.payload.appraisals.filter((i) => i.exemption !== null)[1]!;
    const b3 = nextPackage(dir, memberOf(b.memberId), b2, (items) =>
      items.map((i) =>
        i.unitId === gone.unitId && i.nodeCode === gone.nodeCode
          ? { ...i, exemption: { reason: 'Không phát sinh trong kỳ', legalBasis: '' } }
          : i,
      ),
    );
    expect(changedKeys.size).toBeGreaterThan(0);
    return [a2, b2, a3, b3];
  };

  it('sees its own writes: later packages of the same members in one batch', () => {
    const later = laterRounds();
    const all = [...files, ...later.map((p) => p.path)];
    const ref = oneByOne(all);
    const db = store();
    const { outcomes } = importBatch(
      db,
      dir,
      all.map((path) => ({ path })),
      OPTIONS,
    );
    expect(outcomes).toEqual(ref.outcomes);
    expect(contents(db)).toEqual(ref.contents);
    // The batch went through every kind of change.
    const [a2, b2, a3, b3] = outcomes.slice(files.length).map((o) => o.counts!);
    expect(a2!.removed).toBeGreaterThan(0);
    expect(a2!.changed).toBeGreaterThan(0);
    expect(a2!.exemptionsProposed).toBe(2);
    expect(b2!.finalScoresChanged).toBeGreaterThan(0);
    expect(a3!.added).toBe(5);
    expect(a3!.exemptionsProposed).toBe(1);
    expect(a3!.exemptionsWithdrawn).toBe(1);
    expect(b3!.exemptionsProposed).toBe(1);
    expect(verifyAuditChain(db).ok).toBe(true);
    db.close();
  });

  it('reads what the store held before the batch: decisions of the secretariat, the first round', () => {
    const later = laterRounds();
    // The first round imported, one conflict in three decided by the secretariat.
    const path = join(dir, 'decided.sqlite');
    copyFileSync(base, path);
    const db0 = openDatabase(path, { backupBeforeMigrate: false });
    for (const f of files) commitImport(db0, dir, f, OPTIONS);
    const open = listConflicts(db0, dir, cycleId, { status: 'open' });
    expect(open.length).toBeGreaterThan(2);
    for (const c of open.filter((_c, n) => n % 3 === 0))
      resolveConflict(db0, dir, cycleId, {
        unitId: c.unitId,
        nodeCode: c.nodeCode,
        choice: { memberId: c.sides[0]!.memberId },
        reason: 'Hội đồng thống nhất theo tài liệu kiểm chứng.',
        actor: 'sec',
        now: AT,
      });
    db0.pragma('wal_checkpoint(TRUNCATE)');
    db0.close();
    const copy = (name: string) => {
      copyFileSync(path, join(dir, name));
      return openDatabase(join(dir, name), { backupBeforeMigrate: false });
    };
    const refDb = copy('decided-ref.sqlite');
    const refOutcomes = later.map((p) => commitImport(refDb, dir, p.path, OPTIONS));
    const db = copy('decided-batch.sqlite');
    const { outcomes } = importBatch(
      db,
      dir,
      later.map((p) => ({ path: p.path })),
      OPTIONS,
    );
    expect(outcomes).toEqual(refOutcomes);
    expect(contents(db)).toEqual(contents(refDb));
    expect(outcomes.every((o) => o.status === 'imported')).toBe(true);
    expect(verifyAuditChain(db).ok).toBe(true);
    refDb.close();
    db.close();
  });
});
