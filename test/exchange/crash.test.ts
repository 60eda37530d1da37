/**
 * Crash safety: an import killed (SIGKILL) at random points, 100 times, in a child process.
 * Afterwards the store passes PRAGMA integrity_check, its audit chain verifies, and each
 * package is wholly present (record, every appraisal, every audit row) or wholly absent.
 *
 * The child is bundled once with esbuild (node starts in ~0.1 s instead of tsx's ~0.5 s);
 * kill delays are spread uniformly over the import's measured duration (backup included).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { verifyAuditChain } from '../../electron/core/db/repos/audit.ts';
import { prng } from '../../tools/prng.ts';
import { ROOT } from '../cli/helpers.ts';
import { tempDirs } from '../db/support.ts';
import { type SyntheticPackage, syntheticFiles } from './synthetic.ts';

const RUNS = 100;

interface ChildResult {
  readonly killed: boolean;
  readonly report: { ms: number; outcomes: { status: string; auditRows: number; packageHash: string | null }[] } | null;
}

function runChild(bundle: string, args: string[], killAfterReadyMs: number | null): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout!.on('data', (d: Buffer) => {
      const before = out;
      out += d.toString();
      if (!before.includes('ready\n') && out.includes('ready\n') && killAfterReadyMs !== null) {
        setTimeout(() => {
          killed = child.kill('SIGKILL');
        }, killAfterReadyMs);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(`child failed (${code}): ${err}`));
      const line = out.split('\n').find((l) => l.startsWith('{'));
      resolve({ killed: signal === 'SIGKILL' && killed, report: line ? JSON.parse(line) : null });
    });
  });
}

describe('crash safety of imports', () => {
  const newDir = tempDirs('cchc-crash-');
  let dir: string;
  let base: string;
  let bundle: string;
  let files: string[];
  let packages: readonly SyntheticPackage[];

  beforeAll(() => {
    dir = newDir();
    ({ packages, base, files } = syntheticFiles(dir, { only: (_m, i) => i < 3 }));
    const cache = join(ROOT, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    bundle = join(cache, `cchc-crash-child-${process.pid}.mjs`);
    buildSync({
      entryPoints: [join(ROOT, 'test/exchange/crash-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: bundle,
      external: ['better-sqlite3'],
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'silent',
    });
    return () => rmSync(bundle, { force: true });
  });

  const work = () => {
    const path = join(dir, 'work.sqlite');
    for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
    copyFileSync(base, path);
    return path;
  };

  /** Integrity, chain, and all-or-nothing per package; returns how many packages are present. */
  function check(path: string, auditRows: Map<string, number>): number {
    const db = openDatabase(path, { backupBeforeMigrate: false });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyAuditChain(db).ok).toBe(true);
      let present = 0;
      for (const p of packages) {
        const record = db
          .prepare('SELECT items FROM exchange_packages WHERE package_hash = ?')
          .pluck()
          .get(p.packageHash) as number | undefined;
        const rows = db
          .prepare(
            'SELECT unit_id AS u, node_code AS c, score FROM appraisals WHERE member_id = ? ORDER BY unit_id, node_code',
          )
          .all(p.memberId) as { u: string; c: string; score: string | null }[];
        const audit = db
          .prepare('SELECT count(*) FROM audit_log WHERE package_hash = ?')
          .pluck()
          .get(p.packageHash) as number;
        if (record === undefined) {
          expect(rows).toEqual([]);
          expect(audit).toBe(0);
        } else {
          present += 1;
          expect(record).toBe(p.payload.appraisals.length);
          expect(rows).toEqual(p.payload.appraisals.map((a) => ({ u: a.unitId, c: a.nodeCode, score: a.score })));
          expect(audit).toBe(auditRows.get(p.packageHash));
        }
      }
      return present;
    } finally {
      db.close();
    }
  }

  it(`keeps the store whole when an import is killed at ${RUNS} random points`, { timeout: 240_000 }, async () => {
    // Calibrate: a full import, for its duration and the audit rows each package writes.
    const full = await runChild(bundle, [work(), dir, ...files], null);
    expect(full.report!.outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported']);
    const auditRows = new Map(full.report!.outcomes.map((o) => [o.packageHash!, o.auditRows]));
    expect(check(join(dir, 'work.sqlite'), auditRows)).toBe(3);
    let span = Math.max(20, full.report!.ms * 1.15);

    const rnd = prng(20240301);
    const seen = new Map<number, number>();
    let kills = 0;
    for (let i = 0; i < RUNS; i++) {
      const path = work();
      const r = await runChild(bundle, [path, dir, ...files], rnd() * span);
      if (r.killed) kills += 1;
      // A slower machine than at calibration: keep the kills spread over the whole import.
      else if (r.report) span = Math.max(span, r.report.ms * 1.15);
      const present = check(path, auditRows);
      seen.set(present, (seen.get(present) ?? 0) + 1);
    }
    // The kills landed before, between and after the packages' transactions.
    expect(kills).toBeGreaterThan(RUNS / 2);
    expect(seen.size).toBeGreaterThanOrEqual(2);
    console.log(
      `crash test: ${kills}/${RUNS} killed; packages present after the kill → runs: ${JSON.stringify(Object.fromEntries([...seen].sort()))}; import ${full.report!.ms.toFixed(0)} ms`,
    );
  });
});
