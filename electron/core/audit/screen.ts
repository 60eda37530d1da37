/**
 * The secretariat's audit screen: a page of the log with actors named, the values the
 * filters offer, the log exported into the outbox, and the store check in Vietnamese.
 */
import type { AuditPage, AuditQueryInput, StoreCheckView } from '../../../shared/contract/audit.ts';
import { vnWallClock } from '../../../shared/format/vi.ts';
import type { Db } from '../db/connection.ts';
import { distinctAuditValues } from '../db/repos/audit-query.ts';
import { memberNamesById } from '../db/repos/roster.ts';
import type { Scope } from '../dossier/scope.ts';
import { produceOutbox } from '../files/store.ts';
import { type AuditQuery, exportAudit, queryAudit, verifyStore } from './log.ts';
import { secretariatFingerprint } from './trust.ts';

type Filter = Omit<AuditQueryInput, 'limit' | 'offset'>;

/** The screen's filter as a query: empty fields are no filter. */
function auditQuery(q: Filter): AuditQuery {
  const out: { -readonly [K in keyof AuditQuery]?: AuditQuery[K] } = {};
  for (const k of ['entity', 'actor', 'action', 'text', 'from', 'to'] as const) {
    const v = q[k];
    if (v) out[k] = v;
  }
  return out;
}

export function auditPage(db: Db, input: AuditQueryInput): AuditPage {
  const { rows, total } = queryAudit(db, {
    ...auditQuery(input),
    limit: input.limit ?? 500,
    offset: input.offset ?? 0,
  });
  const names = memberNamesById(db);
  const { actors, entities, actions } = distinctAuditValues(db);
  return {
    rows: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      actorName: names.get(r.actor) ?? r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      reason: r.reason,
      packageHash: r.packageHash,
      hash: r.hash,
    })),
    total,
    actors: actors.map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    entities,
    actions,
  };
}

/** The log (filtered) into the outbox as JSON or CSV, named by the cycle and the day in Vietnam. */
export function exportAuditFile(
  scope: Scope,
  format: 'json' | 'csv',
  query: Filter | undefined,
): { file: { ticket: string; fileName: string; size: number }; rows: number; chainOk: boolean } {
  let rows = 0;
  let chainOk = false;
  const w = vnWallClock(new Date().toISOString())!;
  const day = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  const file = produceOutbox(scope.dataDir, `nhat-ky_${scope.cycle.id}_${day}.${format}`, (path) => {
    const r = exportAudit(scope.db, path, { format, query: auditQuery(query ?? {}) });
    rows = r.rows;
    chainOk = r.chainOk;
  });
  return { file: { ticket: file.ticket, fileName: file.name, size: file.size }, rows, chainOk };
}

const CHAIN_REASONS: Record<string, string> = {
  'prev_hash does not match the previous row':
    'mã băm dòng trước ghi trong dòng này không khớp với dòng trước (có dòng bị xóa hoặc chèn)',
  'hash does not match the row content': 'nội dung dòng không còn khớp với mã băm của nó (dòng đã bị sửa)',
};

/** The store check, trusting the secretariat's key as the store knows it. */
export function storeCheckView(scope: Scope): StoreCheckView {
  const s = verifyStore(scope.db, { trustedFingerprint: secretariatFingerprint(scope.db, scope.dataDir) });
  const chain: StoreCheckView['chain'] = s.chain.ok
    ? { ok: true, rows: s.chain.rows, head: s.chain.head, brokenAt: null, reason: null }
    : {
        ok: false,
        rows: null,
        head: null,
        brokenAt: s.chain.seq,
        reason: CHAIN_REASONS[s.chain.reason] ?? s.chain.reason,
      };
  return {
    ok: s.ok,
    chain,
    packages: { checked: s.packages.checked, bad: s.packages.bad.map((b) => ({ ...b })) },
    snapshots: { checked: s.snapshots.checked, bad: s.snapshots.bad.map((b) => ({ ...b })) },
    heads: { ...s.heads },
    problems: s.problems.map((p) => ({
      code: p.code,
      message: p.message,
      unitId: p.unitId ?? null,
      nodeCode: p.nodeCode ?? null,
      seq: p.seq ?? null,
    })),
    checkedAt: new Date().toISOString(),
  };
}
