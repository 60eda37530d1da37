/**
 * Verify + merge of 30 members' signed packages (bench/packages.ts) over real-shaped
 * synthetic cycles (bench/synthetic.ts) of 40, 150, 1,000 and 10,000 units, against its
 * floor measured in the same run on the same rows. Goal: 150 units ≤ 1 s and
 * ≤ 3× the floor.
 *
 *   verify + merge = the app's import of the files uploaded together (importFiles, as the
 *     secretariat's screen and the CLI run it): for each file, read from disk → size cap, JSON,
 *     schema (zod), canonical form, Ed25519 → roster, cycle, frameworks, scope (every score
 *     recomputed), order → planMerge (agreed / conflicting with the members before) → writes:
 *     package record, appraisals, final scores with provenance, audit rows (hash chain; the
 *     package's last row signed by the secretariat's key, as the app does once it is
 *     unlocked). The writes of consecutive packages share a transaction of at most
 *     BATCH_ITEMS items (import-batch.ts).
 *   floor = for each file: read → JSON.parse → canonical form → Ed25519 → insert the same
 *     appraisal rows, in transactions bounded the same way, with the same page cache.
 *
 * Each run starts from a copy of the same store; medians. The database backup taken before
 * an import (VACUUM INTO) grows with the store, not with the packages: printed apart. A
 * package over the cap (package-cap.ts: it grows with the cycle) is refused by the merge: counted, not hidden.
 * Run alone: `npx tsx bench/exchange.ts [--quick]`.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, batchTransactions, openDatabase } from '../electron/core/db/connection.ts';
import { backupDatabase } from '../electron/core/db/backup.ts';
import { BATCH_ITEMS, importFiles } from '../electron/core/exchange/import-batch.ts';
import { appraisalCapFor } from '../electron/core/exchange/package-cap.ts';
import { generateSigner, sha256Hex, verifyEd25519 } from '../electron/core/exchange/keys.ts';
import { setAuditWriter } from '../electron/core/db/repos/audit-writer.ts';
import { canonicalJson } from '../shared/exchange/jcs.ts';
import { loadDefaultFrameworks } from '../electron/core/framework/defaults.ts';
import type { AppraisalPayload } from '../shared/exchange/appraisal-package.ts';
import { type Figure, figure, formatFigures, median, sizes } from './figures.ts';
import { memberPackages } from './packages.ts';
import { seedRealCycle } from './synthetic.ts';

const MEMBERS = 30;

export async function benchExchange(quick = false): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-exchange-'));
  const frameworks = loadDefaultFrameworks();
  const out: Figure[] = [];
  try {
    for (const units of sizes(quick)) {
      const base = join(dir, `base-${units}.sqlite`);
      const seedDb = openDatabase(base);
      const cycle = seedRealCycle(seedDb, frameworks, units, { members: MEMBERS, merged: false });
      const all = memberPackages(seedDb, cycle);
      const cap = appraisalCapFor(seedDb);
      seedDb.pragma('wal_checkpoint(TRUNCATE)');
      seedDb.close();
      const files = all.filter((p) => p.bytes.length <= cap);
      const oversize = all.length - files.length;
      const items = files.reduce((s, p) => s + p.items, 0);
      const paths = files.map((f) => {
        const path = join(dir, f.fileName);
        writeFileSync(path, f.bytes);
        return path;
      });
      const bytes = files.reduce((s, p) => s + p.bytes.length, 0);

      const fresh = (name: string): Db => {
        const path = join(dir, name);
        for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
        copyFileSync(base, path);
        return openDatabase(path);
      };
      const secretariat = generateSigner();
      const merge = (): { ms: number; conflicts: number } => {
        const db = fresh('merge.sqlite');
        setAuditWriter(db, { fingerprint: secretariat.fingerprint, signer: secretariat });
        const t0 = performance.now();
        const { outcomes } = importFiles(db, dir, paths, { actor: 'bench', backup: false });
        const ms = performance.now() - t0;
        let conflicts = 0;
        for (const o of outcomes) {
          if (o.status !== 'imported') throw new Error(`${o.file}: ${o.message}`);
          conflicts = o.counts?.conflicts ?? conflicts;
        }
        db.close();
        return { ms, conflicts };
      };
      const floor = (): number => {
        const db = fresh('floor.sqlite');
        const insert = db.prepare(
          'INSERT INTO appraisals (unit_id, node_code, member_id, input, score, comment, updated_at, package_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        );
        const t0 = performance.now();
        let pending = 0;
        const t = batchTransactions(db);
        t.begin();
        for (const path of paths) {
          const doc = JSON.parse(readFileSync(path, 'utf8')) as {
            payload: AppraisalPayload;
            signature: { publicKey: string; value: string };
          };
          const message = Buffer.from(canonicalJson(doc.payload), 'utf8');
          if (!verifyEd25519(doc.signature.publicKey, message, doc.signature.value)) throw new Error('bad signature');
          const hash = sha256Hex(message);
          const m = doc.payload.member.id;
          for (const a of doc.payload.appraisals)
            insert.run(
              a.unitId,
              a.nodeCode,
              m,
              a.input === null ? null : JSON.stringify(a.input),
              a.score,
              a.comment,
              a.updatedAt,
              hash,
            );
          pending += doc.payload.appraisals.length;
          if (pending >= BATCH_ITEMS) {
            t.commit();
            t.begin();
            pending = 0;
          }
        }
        t.commit();
        t.end();
        const ms = performance.now() - t0;
        db.close();
        return ms;
      };
      const backup = (): number => {
        const db = fresh('backup.sqlite');
        const t0 = performance.now();
        backupDatabase(db, join(dir, 'b'), 'bench');
        const ms = performance.now() - t0;
        db.close();
        rmSync(join(dir, 'b'), { recursive: true, force: true });
        return ms;
      };

      const runs = units >= 10_000 ? 1 : units >= 1_000 ? 3 : 5;
      if (units < 1_000) {
        merge(); // warm-up
        floor();
      }
      const m: number[] = [];
      const f: number[] = [];
      let conflicts = 0;
      for (let i = 0; i < runs; i++) {
        const r = merge();
        m.push(r.ms);
        conflicts = r.conflicts;
        f.push(floor());
      }
      const mergeMs = median(m);
      const floorMs = median(f);
      const n = units.toLocaleString('en');
      out.push(
        figure(
          `verify + merge, ${files.length} packages, ${n} units`,
          mergeMs,
          'ms',
          units === 150 ? 1000 : undefined,
          `${items} items, ${(bytes / 1e6).toFixed(1)} MB read from disk; size cap, schema, signature, roster, scope, planMerge, final scores and audit rows with a signed head per package, transactions of ≤ ${BATCH_ITEMS.toLocaleString('en')} items; ${conflicts} conflicts open after the last`,
        ),
      );
      out.push(figure(`  floor: read + parse + verify + insert, ${n} units`, floorMs, 'ms'));
      out.push(figure(`  merge over floor, ${n} units`, mergeMs / floorMs, '×', units === 150 ? 3 : undefined));
      out.push(
        figure(
          `  backup before an import, ${n} units`,
          median([backup()]),
          'ms',
          undefined,
          'VACUUM INTO, not in the figure above',
        ),
      );
      if (oversize > 0)
        out.push(
          figure(`  packages over the ${(cap / 1024 / 1024).toFixed(0)} MB cap, ${n} units (refused)`, oversize, '', 0),
        );
      rmSync(base, { force: true });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatFigures(await benchExchange(process.argv.includes('--quick'))));
}
