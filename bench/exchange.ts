/**
 * Verify + merge of 15 signed member packages over the 40-unit demo cycle (goal ≤ 300 ms),
 * against the floor for the same rows in the same run: parse + verify the signature +
 * insert the appraisal rows alone (goal: merge ≤ 3 × floor).
 *
 *   verify + merge = for each package: read the bytes → size cap, JSON, schema (zod),
 *     canonical form, Ed25519 → roster, cycle, frameworks, scope (every score recomputed),
 *     order → planMerge → one transaction: package record, appraisals, evidence links,
 *     exemptions, final scores with provenance, audit rows (hash chain).
 *   floor = for each package: JSON.parse → canonical form → Ed25519 → one transaction
 *     inserting the same appraisal rows and evidence links.
 *
 * Each run starts from a copy of the same store; figures are medians. The database backup
 * taken before an import (VACUUM INTO) is measured apart (`backup_ms`): it grows with the
 * store, not with the packages. Run alone: `npx tsx bench/exchange.ts`.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase, tx } from '../electron/core/db/connection.ts';
import { parseAppraisalPackage } from '../electron/core/exchange/appraisal-file.ts';
import { backupDatabase } from '../electron/core/exchange/backup.ts';
import { commitVerified } from '../electron/core/exchange/import.ts';
import { sha256Hex, verifyEd25519 } from '../electron/core/exchange/keys.ts';
import { canonicalJson } from '../electron/core/exchange/refusal.ts';
import type { AppraisalPayload } from '../shared/exchange/appraisal-package.ts';
import { syntheticExchange } from '../test/exchange/synthetic.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchExchange(runs = 7): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-exchange-'));
  try {
    const x = syntheticExchange(dir);
    x.db.close();
    const base = join(dir, 'base.sqlite');
    copyFileSync(x.dbPath, base);
    const files = x.packages.map((p) => ({ name: p.fileName, bytes: Buffer.from(p.text, 'utf8') }));
    const items = x.packages.reduce((s, p) => s + p.payload.appraisals.length, 0);

    const fresh = (name: string): Db => {
      const path = join(dir, name);
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      copyFileSync(base, path);
      return openDatabase(path);
    };

    const merge = (): { ms: number; conflicts: number } => {
      const db = fresh('merge.sqlite');
      const t0 = performance.now();
      let conflicts = 0;
      for (const f of files) {
        const o = commitVerified(db, parseAppraisalPackage(f.bytes, f.name), { actor: 'bench', backup: false });
        if (o.status !== 'imported') throw new Error(`${f.name}: ${o.message}`);
        conflicts = o.counts?.conflicts ?? conflicts;
      }
      const ms = performance.now() - t0;
      db.close();
      return { ms, conflicts };
    };

    const floor = (): number => {
      const db = fresh('floor.sqlite');
      const insert = db.prepare('INSERT INTO appraisals (unit_id, node_code, member_id, input, score, comment, updated_at, package_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      const link = db.prepare('INSERT OR REPLACE INTO appraisal_evidence (unit_id, node_code, member_id, evidence_id, page) VALUES (?, ?, ?, ?, ?)');
      const evidence = new Map(db.prepare('SELECT sha256, id FROM evidence').raw().all() as [string, number][]);
      const t0 = performance.now();
      for (const f of files) {
        const doc = JSON.parse(f.bytes.toString('utf8')) as { payload: AppraisalPayload; signature: { publicKey: string; value: string } };
        const message = Buffer.from(canonicalJson(doc.payload), 'utf8');
        if (!verifyEd25519(doc.signature.publicKey, message, doc.signature.value)) throw new Error('bad signature');
        const hash = sha256Hex(message);
        const m = doc.payload.member.id;
        tx(db, () => {
          for (const a of doc.payload.appraisals) {
            insert.run(a.unitId, a.nodeCode, m, a.input === null ? null : JSON.stringify(a.input), a.score, a.comment, a.updatedAt, hash);
            for (const e of a.evidence) link.run(a.unitId, a.nodeCode, m, evidence.get(e.sha256)!, e.page);
          }
        });
      }
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

    merge(); // warm-up
    floor();
    const m: number[] = [];
    const f: number[] = [];
    const b: number[] = [];
    let conflicts = 0;
    for (let i = 0; i < runs; i++) {
      const r = merge();
      m.push(r.ms);
      conflicts = r.conflicts;
      f.push(floor());
      b.push(backup());
    }
    const mergeMs = median(m);
    const floorMs = median(f);
    return {
      packages: files.length,
      units: 40,
      items,
      bytes: files.reduce((s, x) => s + x.bytes.length, 0),
      conflicts_in_last_package: conflicts,
      verify_merge_ms: mergeMs,
      floor_parse_verify_insert_ms: floorMs,
      ratio_merge_over_floor: mergeMs / floorMs,
      backup_ms: median(b),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchExchange();
  for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(32)} ${Number.isInteger(v) ? v : v.toFixed(2)}`);
  console.log(`goal: verify_merge_ms ≤ 300 (${r['verify_merge_ms']! <= 300 ? 'met' : 'not met'}), ratio ≤ 3 (${r['ratio_merge_over_floor']! <= 3 ? 'met' : 'not met'})`);
}
