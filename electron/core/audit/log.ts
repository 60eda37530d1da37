/**
 * Reading, exporting and verifying the audit trail (the hash chain itself is
 * electron/core/db/repos/audit.ts).
 *
 *   queryAudit(db, query) → { rows, total }                        (the audit screen: filter and page)
 *   exportAudit(db, path, { format, query }) → { path, rows, head } (JSON with the chain head, or CSV)
 *   verifyStore(db, { trustedFingerprint? }) → StoreCheck   (the chain and its signed heads, every stored package's
 *     signature and hash, every snapshot's hash, and the store recomputed from the packages and the log: problems)
 */
import { csvField } from '../../../shared/format/csv.ts';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../db/connection.ts';
import { checkHeads, type HeadsOptions, type HeadsSummary } from './heads.ts';
import type { StoreProblem } from './problems.ts';
import { recomputeStore } from './recompute.ts';
import { type AuditRow, type ChainCheck, listAudit, verifyAuditChain } from '../db/repos/audit.ts';
import { countAuditRows, selectAuditRows } from '../db/repos/audit-query.ts';
import { storedPackages } from '../db/repos/packages.ts';
import { storedSnapshots } from '../db/repos/snapshots.ts';
import { fingerprintOf, sha256Hex, verifyEd25519 } from '../exchange/keys.ts';

export interface AuditQuery {
  readonly entity?: string;
  readonly entityId?: string;
  readonly actor?: string;
  /** Exact action ("package.import") or a prefix ending with a dot ("exemption."). */
  readonly action?: string;
  readonly packageHash?: string;
  /** ISO times, inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** Text searched in entity id, before, after and reason. */
  readonly text?: string;
  readonly limit?: number;
  readonly offset?: number;
  /** Newest first (default) or oldest first. */
  readonly order?: 'asc' | 'desc';
}

function where(q: AuditQuery): { sql: string; params: Record<string, unknown> } {
  const w: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (cond: string, key: string, value: unknown) => {
    w.push(cond);
    params[key] = value;
  };
  if (q.entity) add('entity = @entity', 'entity', q.entity);
  if (q.entityId) add('entity_id = @entityId', 'entityId', q.entityId);
  if (q.actor) add('actor = @actor', 'actor', q.actor);
  if (q.action) {
    if (q.action.endsWith('.')) add('substr(action, 1, length(@action)) = @action', 'action', q.action);
    else add('action = @action', 'action', q.action);
  }
  if (q.packageHash) add('package_hash = @packageHash', 'packageHash', q.packageHash);
  if (q.from) add('at >= @from', 'from', q.from);
  if (q.to) add('at <= @to', 'to', q.to);
  if (q.text) {
    add(
      "(instr(entity_id, @text) > 0 OR instr(coalesce(before, ''), @text) > 0 OR instr(coalesce(after, ''), @text) > 0 OR instr(coalesce(reason, ''), @text) > 0)",
      'text',
      q.text,
    );
  }
  return { sql: w.length ? ` WHERE ${w.join(' AND ')}` : '', params };
}

export function queryAudit(db: Db, q: AuditQuery = {}): { rows: AuditRow[]; total: number } {
  const { sql, params } = where(q);
  const total = countAuditRows(db, sql, params);
  const limit = Math.max(1, Math.min(10_000, Math.floor(q.limit ?? 200)));
  const offset = Math.max(0, Math.floor(q.offset ?? 0));
  const rows = selectAuditRows(
    db,
    `${sql} ORDER BY seq ${q.order === 'asc' ? 'ASC' : 'DESC'} LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return { rows, total };
}

const csvCell = csvField; // formula injection neutralised (shared/format/csv.ts)

export interface AuditExport {
  readonly path: string;
  readonly rows: number;
  /** The chain's head (hash of the last row) at the time of export. */
  readonly head: string;
  readonly chainOk: boolean;
}

/**
 * Writes the (filtered) log oldest first. JSON: { format, exportedAt, chain: {ok, rows, head}, rows: [...] };
 * CSV (UTF-8 with BOM for spreadsheet programs): one line per row, every column.
 */
export function exportAudit(
  db: Db,
  path: string,
  options: { format: 'json' | 'csv'; query?: AuditQuery; now?: string },
): AuditExport {
  const { sql, params } = where(options.query ?? {});
  const rows = selectAuditRows(db, `${sql} ORDER BY seq ASC`, params);
  const chain = verifyAuditChain(db);
  const head = chain.ok ? chain.head : '';
  let text: string;
  if (options.format === 'json') {
    text = `${JSON.stringify({ format: 'cchc-audit-export', version: 1, exportedAt: options.now ?? new Date().toISOString(), chain, filter: options.query ?? {}, rows }, null, 1)}\n`;
  } else {
    const cols = [
      'seq',
      'at',
      'actor',
      'action',
      'entity',
      'entityId',
      'before',
      'after',
      'reason',
      'packageHash',
      'prevHash',
      'hash',
    ] as const;
    text = `\uFEFF${cols.join(',')}\r\n${rows.map((r) => cols.map((c) => csvCell(r[c])).join(',')).join('\r\n')}\r\n`;
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  return { path, rows: rows.length, head, chainOk: chain.ok };
}

export interface StoreCheck {
  readonly ok: boolean;
  readonly chain: ChainCheck;
  readonly packages: {
    readonly checked: number;
    readonly bad: readonly { readonly packageHash: string; readonly reason: string }[];
  };
  readonly snapshots: {
    readonly checked: number;
    readonly bad: readonly { readonly id: number; readonly reason: string }[];
  };
  readonly heads: HeadsSummary;
  /** Every break and difference found, in the order: chain, heads, packages, snapshots, recomputation. */
  readonly problems: readonly StoreProblem[];
}

/**
 * The audit chain from the genesis; every stored appraisal package (its payload still has its
 * hash, its key its fingerprint, its signature verifies); every results snapshot (its hash).
 */
export function verifyStore(db: Db, options: HeadsOptions = {}): StoreCheck {
  const chain = verifyAuditChain(db);
  const problems: StoreProblem[] = [];
  if (!chain.ok)
    problems.push({
      code: 'AUDIT_CHAIN_BROKEN',
      seq: chain.seq,
      message: `Nhật ký bị sai lệch tại dòng ${chain.seq}: ${chain.reason}.`,
    });
  const heads = checkHeads(db, listAudit(db), options);
  problems.push(...heads.problems);
  const badPackages: { packageHash: string; reason: string }[] = [];
  let checked = 0;
  for (const p of storedPackages(db)) {
    checked += 1;
    const bytes = Buffer.from(p.payload, 'utf8');
    if (sha256Hex(bytes) !== p.h) badPackages.push({ packageHash: p.h, reason: 'nội dung gói không còn khớp mã băm' });
    else if (fingerprintOf(p.pk) !== p.fp)
      badPackages.push({ packageHash: p.h, reason: 'khóa công khai không khớp dấu vân tay' });
    else if (!verifyEd25519(p.pk, bytes, p.sig)) badPackages.push({ packageHash: p.h, reason: 'chữ ký không hợp lệ' });
  }
  const badSnapshots: { id: number; reason: string }[] = [];
  let snaps = 0;
  for (const s of storedSnapshots(db)) {
    snaps += 1;
    if (sha256Hex(s.content) !== s.hash) badSnapshots.push({ id: s.id, reason: 'nội dung không còn khớp mã băm' });
  }
  for (const b of badPackages)
    problems.push({
      code: 'EXCHANGE_PACKAGE_TAMPERED',
      message: `Gói ${b.packageHash} lưu trong cơ sở dữ liệu bị sai lệch: ${b.reason}.`,
    });
  for (const b of badSnapshots)
    problems.push({
      code: 'EXCHANGE_SNAPSHOT_TAMPERED',
      message: `Bản chốt kết quả số ${b.id} bị sai lệch: ${b.reason}.`,
    });
  problems.push(...recomputeStore(db));
  return {
    ok: problems.length === 0,
    chain,
    packages: { checked, bad: badPackages },
    snapshots: { checked: snaps, bad: badSnapshots },
    heads: heads.summary,
    problems,
  };
}
