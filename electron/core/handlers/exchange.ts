/**
 * Handlers of `exchange.*` (a member's side) and `secretariat.*` (the secretariat's side):
 * thin calls into electron/core/exchange (the public API in its index.ts). Files come and go
 * by ticket (electron/core/files/store.ts); paths never come from the renderer. Every
 * secretariat call is refused to a member with SECRETARIAT_ONLY.
 */
import { vnWallClock } from '../../../shared/format/vi.ts';
import type {
  ConflictOfInterest,
  ConflictView,
  CycleRef,
  ExemptionView,
  FieldRef,
  FilePreview,
  ImportOutcomeView,
  PackagePreview,
  RosterRow,
  SnapshotView,
  StoreCheckView,
} from '../../../shared/contract/exchange.ts';
import { PREVIEW_ROWS } from '../../../shared/contract/exchange.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { appraisalFileName } from '../../../shared/exchange/appraisal-package.ts';
import { cycleFileName } from '../../../shared/exchange/cycle-package.ts';
import type { ScoreInputData } from '../../../shared/exchange/appraisal-package.ts';
import { formatFingerprint } from '../../../shared/exchange/fingerprint.ts';
import { compareCodes } from '../../../shared/framework/tree.ts';
import { readFileSync } from 'node:fs';
import type { HandlerContext } from '../context.ts';
import { tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { getCycle } from '../db/repos/cycles.ts';
import { demoCycleAdoptable } from '../demo/adopt.ts';
import { getMember, listMembers, setMemberFields } from '../db/repos/members.ts';
import { listUnits } from '../db/repos/units.ts';
import { ExchangeRefusal } from '../exchange/refusal.ts';
import { type ConflictView as CoreConflict, listConflicts, resolveConflict } from '../council/conflicts.ts';
import { type ExemptionView as CoreExemption, decideExemption, listExemptions } from '../exemptions/decide.ts';
import { type ImportPreview, commitImport, previewImport } from '../exchange/import.ts';
import { type RosterEntry, memberForKey, registerMemberKey, rosterWithKeys } from '../council/roster-keys.ts';
import { type SnapshotInfo, finaliseCycle, listSnapshots, reopenCycle } from '../council/finalise.ts';
import { completenessMatrix } from '../council/completeness.ts';
import {
  declareConflictOfInterest,
  listConflictsOfInterest,
  withdrawConflictOfInterest,
} from '../council/conflicts-of-interest.ts';
import { exportAppraisalPackage } from '../exchange/export-appraisal.ts';
import { exportAudit, queryAudit, verifyStore } from '../audit/log.ts';
import { exportCyclePackage, importCyclePackage, verifyCyclePackage } from '../exchange/cycle-package.ts';
import { parsePublicKey } from '../exchange/keys.ts';
import { secretariatFingerprint } from '../audit/trust.ts';
import { cycleContext } from '../exchange/cycle-context.ts';
import { discardTicket, produceOutbox, ticketFile } from '../files/store.ts';
import type { Handler } from '../router.ts';
import type { Scope } from '../dossier/scope.ts';
import { keyInfoOf, signerOf } from './identity.ts';
import { currentCycleId, currentIdentity, scopeOf, secretariatKeyFailure } from './scope.ts';

// ------------------------------------------------------------------ shared helpers

function cycleRef(scope: Scope): CycleRef {
  return { id: scope.cycle.id, name: scope.cycle.name, year: scope.cycle.year, status: scope.cycle.status };
}

/** The cycle's fields (code, title) over every group's framework, in code order. */
function fieldsOf(scope: Scope): FieldRef[] {
  const titles = new Map<string, string>();
  for (const g of cycleContext(scope.db, scope.cycle.id).groups.values())
    for (const f of g.plan.fields) if (!titles.has(f.code)) titles.set(f.code, f.title);
  return [...titles].map(([code, title]) => ({ code, title })).sort((a, b) => compareCodes(a.code, b.code));
}

function memberName(scope: Scope): (id: string | null) => string | null {
  const names = new Map(listMembers(scope.db, scope.cycle.id).map((m) => [m.id, m.name]));
  return (id) => (id === null ? null : (names.get(id) ?? id));
}

function unitNames(scope: Scope): (id: string) => string {
  const names = new Map(listUnits(scope.db, scope.cycle.id).map((u) => [u.id, u.name]));
  return (id) => names.get(id) ?? id;
}

function coiView(c: ConflictOfInterest): ConflictOfInterest {
  return {
    unitId: c.unitId,
    unitName: c.unitName,
    memberId: c.memberId,
    memberName: c.memberName,
    reason: c.reason,
    declaredAt: c.declaredAt,
    packageHash: c.packageHash,
  };
}

/** The secretariat's calls: SECRETARIAT_ONLY for a member; the audit actor otherwise. */
function secretariatScope(ctx: HandlerContext, what: string): { scope: Scope; actor: string } {
  const scope = scopeOf(ctx);
  const locked = secretariatKeyFailure(scope, what);
  if (locked) throw locked;
  if (scope.role !== 'secretariat') {
    throw new CodedFailure('SECRETARIAT_ONLY', `Chỉ cơ quan thường trực (tổ giúp việc Hội đồng) mới được ${what}.`, {
      action: what,
    });
  }
  return { scope, actor: scope.member?.id ?? 'secretariat' };
}

/** Who acts on this machine, for the audit log (before the roster links the installation). */
function localActor(ctx: HandlerContext): string {
  const i = currentIdentity(ctx);
  return i?.memberId ?? i?.name ?? 'thanh-vien';
}

// ------------------------------------------------------------------ member

export const exchangeStatus: Handler<'exchange.status'> = (ctx) => {
  const cycleId = currentCycleId(ctx);
  if (!cycleId)
    return {
      cycle: null,
      me: null,
      rosterKey: 'no-member',
      received: null,
      items: 0,
      exports: [],
      conflictsOfInterest: [],
      units: [],
    };
  const scope = scopeOf(ctx);
  const { db } = scope;
  const m = scope.role === 'member' ? scope.member : null;
  const titles = new Map(fieldsOf(scope).map((f) => [f.code, f.title]));
  let rosterKey: 'ok' | 'missing' | 'other' | 'no-member' = 'no-member';
  if (m) {
    const mine = (() => {
      try {
        return keyInfoOf(ctx).fingerprint;
      } catch {
        return null;
      }
    })();
    rosterKey = !m.fingerprint ? 'missing' : m.fingerprint === mine ? 'ok' : 'other';
  }
  const received = db
    .prepare(
      "SELECT revision, issued_at AS issuedAt, recorded_at AS recordedAt, signer_fingerprint AS fp FROM cycle_packages WHERE cycle_id = ? AND direction = 'received' ORDER BY revision DESC LIMIT 1",
    )
    .get(cycleId) as { revision: number; issuedAt: string; recordedAt: string; fp: string } | undefined;
  const inCycle = 'unit_id IN (SELECT id FROM units WHERE cycle_id = @cycle)';
  const items = m
    ? (db
        .prepare(
          `SELECT count(*) FROM (SELECT unit_id, node_code FROM appraisals WHERE member_id = @member AND (score IS NOT NULL OR comment != '') AND ${inCycle}
             UNION SELECT unit_id, node_code FROM exemptions WHERE proposed_by = @member AND status IN ('proposed', 'approved') AND ${inCycle})`,
        )
        .pluck()
        .get({ member: m.id, cycle: cycleId }) as number)
    : 0;
  const exports = m
    ? (db
        .prepare(
          'SELECT sequence, package_hash AS packageHash, created_at AS createdAt, items FROM exchange_outbox WHERE member_id = ? AND cycle_id = ? ORDER BY sequence DESC LIMIT 5',
        )
        .all(m.id, cycleId) as { sequence: number; packageHash: string; createdAt: string; items: number }[])
    : [];
  return {
    cycle: cycleRef(scope),
    me: m
      ? { id: m.id, name: m.name, fields: m.fields.map((code) => ({ code, title: titles.get(code) ?? code })) }
      : null,
    rosterKey,
    received: received
      ? {
          revision: received.revision,
          issuedAt: received.issuedAt,
          recordedAt: received.recordedAt,
          signer: { fingerprint: received.fp, display: formatFingerprint(received.fp) },
        }
      : null,
    items,
    exports,
    conflictsOfInterest: m
      ? listConflictsOfInterest(db, cycleId)
          .filter((c) => c.memberId === m.id)
          .map(coiView)
      : [],
    units: listUnits(db, cycleId).map((u) => ({ id: u.id, name: u.name, group: u.group })),
  };
};

export const exchangeExportMine: Handler<'exchange.exportMine'> = (ctx) => {
  const scope = scopeOf(ctx);
  const m = scope.member;
  if (!m || scope.role !== 'member')
    throw new CodedFailure(
      'NOT_A_MEMBER',
      'Máy này chưa được xác định là thành viên Hội đồng của kỳ đánh giá, nên chưa có kết quả thẩm định để gửi.',
    );
  const signer = signerOf(ctx);
  const last = scope.db
    .prepare('SELECT max(sequence) FROM exchange_outbox WHERE member_id = ? AND cycle_id = ?')
    .pluck()
    .get(m.id, scope.cycle.id) as number | null;
  let exported: ReturnType<typeof exportAppraisalPackage> | undefined;
  const file = produceOutbox(ctx.core.dataDir, appraisalFileName(scope.cycle.id, m.id, (last ?? 0) + 1), (outPath) => {
    exported = exportAppraisalPackage(scope.db, scope.cycle.id, m.id, signer, { outPath });
  });
  const e = exported!;
  const unitName = unitNames(scope);
  return {
    file: { ticket: file.ticket, fileName: file.name, size: file.size },
    packageHash: e.packageHash,
    sequence: e.sequence,
    items: e.items,
    conflictsOfInterest: e.conflictsOfInterest,
    skipped: e.skipped.map((s) => ({
      unitId: s.unitId,
      unitName: unitName(s.unitId),
      nodeCode: s.nodeCode,
      reason: s.reason,
    })),
  };
};

function lastReceived(ctx: HandlerContext, cycleId: string) {
  return ctx.core.db
    .prepare(
      "SELECT revision, package_hash AS packageHash, signer_fingerprint AS signer FROM cycle_packages WHERE cycle_id = ? AND direction = 'received' ORDER BY revision DESC LIMIT 1",
    )
    .get(cycleId) as { revision: number; packageHash: string; signer: string } | undefined;
}

export const exchangePreviewCycle: Handler<'exchange.previewCycle'> = (ctx, { ticket }) => {
  const f = ticketFile(ctx.core.dataDir, 'upload', ticket);
  const v = verifyCyclePackage(f.path);
  const c = v.content;
  const db = ctx.core.db;
  const last = lastReceived(ctx, c.cycle.id);
  if (!last && getCycle(db, c.cycle.id) && !demoCycleAdoptable(db, c.cycle.id))
    throw new ExchangeRefusal(v.file, 'EXCHANGE_CYCLE_EXISTS', `kỳ “${c.cycle.name}”`);
  if (last && last.signer !== v.signer.fingerprint)
    throw new ExchangeRefusal(v.file, 'EXCHANGE_SIGNER_CHANGED', `khóa trước: ${formatFingerprint(last.signer)}`);
  const received =
    db.prepare("SELECT 1 FROM cycle_packages WHERE package_hash = ? AND direction = 'received'").get(v.packageHash) !==
    undefined;
  const state = !last ? 'new' : received ? 'duplicate' : c.revision <= last.revision ? 'superseded' : 'update';
  let mine: string | null = null;
  try {
    mine = keyInfoOf(ctx).fingerprint;
  } catch {
    mine = null;
  }
  const me = mine ? c.roster.find((m) => m.fingerprint === mine) : undefined;
  return {
    ticket,
    file: v.file,
    cycle: { id: c.cycle.id, name: c.cycle.name, year: c.cycle.year, province: c.cycle.province },
    revision: c.revision,
    issuedAt: c.issuedAt,
    signer: v.signer,
    state,
    units: c.units.length,
    members: c.roster.length,
    evidenceFiles: c.evidence.length,
    bytes: v.bytes,
    me: me ? { id: me.id, name: me.name, fields: [...me.fields] } : null,
  };
};

export const exchangeImportCycle: Handler<'exchange.importCycle'> = (ctx, { ticket, fingerprint }) => {
  const f = ticketFile(ctx.core.dataDir, 'upload', ticket);
  const r = importCyclePackage(ctx.core.db, ctx.core.dataDir, f.path, {
    actor: localActor(ctx),
    expectFingerprint: fingerprint,
  });
  discardTicket(ctx.core.dataDir, 'upload', ticket);
  // This installation acts as the roster member holding its key, in the cycle just received.
  ctx.settings.set('cycleId', r.cycleId);
  let linkedTo: { id: string; name: string } | null = null;
  const identity = currentIdentity(ctx);
  let fp: string | null = null;
  try {
    fp = keyInfoOf(ctx).fingerprint;
  } catch {
    fp = null;
  }
  const holder = fp ? memberForKey(ctx.core.db, r.cycleId, fp) : null;
  const m = holder ? getMember(ctx.core.db, holder) : undefined;
  if (identity && m && m.role === identity.role) {
    ctx.settings.set('identity', { ...identity, memberId: m.id });
    linkedTo = { id: m.id, name: m.name };
  }
  const cycle = getCycle(ctx.core.db, r.cycleId);
  return {
    status: r.status,
    code: r.code,
    message: r.message,
    cycle: { id: r.cycleId, name: cycle?.name ?? r.cycleId },
    revision: r.revision,
    linkedTo,
  };
};

export const exchangeDeclareConflict: Handler<'exchange.declareConflict'> = (ctx, { unitId, reason }) =>
  coiView(declareConflictOfInterest(scopeOf(ctx), unitId, reason));

export const exchangeWithdrawConflict: Handler<'exchange.withdrawConflict'> = (ctx, { unitId, reason }) => {
  withdrawConflictOfInterest(scopeOf(ctx), unitId, reason);
  return { unitId };
};

// ------------------------------------------------------------------ secretariat: roster and keys

function rosterRow(e: RosterEntry, unitName: (id: string) => string): RosterRow {
  return {
    id: e.id,
    name: e.name,
    position: e.position,
    agency: e.agency,
    role: e.role,
    fields: [...e.fields],
    publicKey: e.publicKey,
    fingerprint: e.fingerprint,
    display: e.display,
    lastPackage: e.lastPackage ? { ...e.lastPackage } : null,
    conflictsOfInterest: e.conflictsOfInterest.map((unitId) => ({ unitId, unitName: unitName(unitId) })),
  };
}

function rosterRowOf(scope: Scope, memberId: string): RosterRow {
  const e = rosterWithKeys(scope.db, scope.cycle.id).find((r) => r.id === memberId);
  if (!e)
    throw new CodedFailure('MEMBER_NOT_FOUND', 'Không tìm thấy thành viên trong danh sách Hội đồng của kỳ đánh giá.', {
      memberId,
    });
  return rosterRow(e, unitNames(scope));
}

export const secretariatRoster: Handler<'secretariat.roster'> = (ctx) => {
  const { scope } = secretariatScope(ctx, 'quản lý danh sách Hội đồng');
  const unitName = unitNames(scope);
  const issued = scope.db
    .prepare(
      "SELECT revision, issued_at AS issuedAt, package_hash AS packageHash FROM cycle_packages WHERE cycle_id = ? AND direction = 'issued' ORDER BY revision DESC",
    )
    .all(scope.cycle.id) as { revision: number; issuedAt: string; packageHash: string }[];
  return {
    cycle: cycleRef(scope),
    fields: fieldsOf(scope),
    members: rosterWithKeys(scope.db, scope.cycle.id).map((e) => rosterRow(e, unitName)),
    issued,
  };
};

/** A public-key file is a few hundred bytes; anything above 64 kB is not one. */
function readKeyText(ctx: HandlerContext, ticket: string): { text: string; file: string } {
  const f = ticketFile(ctx.core.dataDir, 'upload', ticket);
  if (f.size > 64 * 1024)
    throw new CodedFailure('EXCHANGE_SCHEMA', `Tệp “${f.name}” không phải tệp khóa công khai (quá lớn).`);
  return { text: readFileSync(f.path, 'utf8'), file: f.name };
}

export const secretariatInspectKey: Handler<'secretariat.inspectKey'> = (ctx, { ticket }) => {
  const { scope } = secretariatScope(ctx, 'đăng ký khóa của thành viên');
  const { text, file } = readKeyText(ctx, ticket);
  const k = parsePublicKey(text);
  const holder = memberForKey(scope.db, scope.cycle.id, k.fingerprint);
  const m = holder ? getMember(scope.db, holder) : undefined;
  return {
    ticket,
    file,
    publicKey: k.publicKey,
    fingerprint: k.fingerprint,
    display: formatFingerprint(k.fingerprint),
    registeredTo: m ? { id: m.id, name: m.name } : null,
  };
};

export const secretariatRegisterKey: Handler<'secretariat.registerKey'> = (ctx, { memberId, ticket, reason }) => {
  const { scope, actor } = secretariatScope(ctx, 'đăng ký khóa của thành viên');
  const { text } = readKeyText(ctx, ticket);
  registerMemberKey(scope.db, scope.cycle.id, memberId, text, actor, reason?.trim() || null);
  discardTicket(ctx.core.dataDir, 'upload', ticket);
  return rosterRowOf(scope, memberId);
};

/** Assigns a member's fields (with a reason, logged); his packages are checked against them. */
export const secretariatSetFields: Handler<'secretariat.setFields'> = (ctx, { memberId, fields, reason }) => {
  const { scope, actor } = secretariatScope(ctx, 'phân công lĩnh vực cho thành viên');
  if (scope.cycle.status === 'finalised')
    throw new CodedFailure(
      'CYCLE_FINALISED',
      `Kỳ đánh giá “${scope.cycle.name}” đã chốt kết quả; không thể sửa phân công.`,
    );
  const m = getMember(scope.db, memberId);
  if (!m || m.cycleId !== scope.cycle.id)
    throw new CodedFailure('MEMBER_NOT_FOUND', 'Không tìm thấy thành viên trong danh sách Hội đồng của kỳ đánh giá.', {
      memberId,
    });
  if (m.role !== 'member')
    throw new CodedFailure(
      'MEMBER_ROLE_MISMATCH',
      'Chỉ phân công lĩnh vực cho thành viên Hội đồng, không cho cơ quan thường trực.',
    );
  const known = new Set(fieldsOf(scope).map((f) => f.code));
  const unknown = fields.filter((f) => !known.has(f));
  if (unknown.length > 0)
    throw new CodedFailure(
      'FIELD_NOT_FOUND',
      `Không có lĩnh vực ${unknown.join(', ')} trong bộ tiêu chí của kỳ đánh giá.`,
    );
  const next = [...new Set(fields)].sort(compareCodes);
  const before = [...m.fields];
  if (before.join(',') !== next.join(',')) {
    tx(scope.db, () => {
      setMemberFields(scope.db, memberId, next);
      appendAudit(scope.db, {
        actor,
        action: 'member.fields',
        entity: 'member',
        entityId: memberId,
        before: { fields: before },
        after: { fields: next },
        reason: reason.trim(),
      });
    });
  }
  return rosterRowOf(scope, memberId);
};

export const secretariatExportCycle: Handler<'secretariat.exportCycle'> = (ctx) => {
  const { scope, actor } = secretariatScope(ctx, 'phát hành gói kỳ đánh giá');
  const signer = signerOf(ctx);
  const last = scope.db
    .prepare("SELECT max(revision) FROM cycle_packages WHERE cycle_id = ? AND direction = 'issued'")
    .pluck()
    .get(scope.cycle.id) as number | null;
  let e: ReturnType<typeof exportCyclePackage> | undefined;
  const file = produceOutbox(ctx.core.dataDir, cycleFileName(scope.cycle.id, (last ?? 0) + 1), (outPath) => {
    e = exportCyclePackage(scope.db, ctx.core.dataDir, scope.cycle.id, signer, { actor, outPath });
  });
  const x = e!;
  const membersWithoutKey = listMembers(scope.db, scope.cycle.id)
    .filter((m) => m.role === 'member' && m.fields.length > 0 && !m.fingerprint)
    .map((m) => m.name);
  return {
    file: { ticket: file.ticket, fileName: file.name, size: file.size },
    packageHash: x.packageHash,
    revision: x.revision,
    units: x.units,
    members: x.members,
    evidenceFiles: x.evidenceFiles,
    membersWithoutKey,
  };
};

// ------------------------------------------------------------------ secretariat: import

function coded(e: unknown): { code: string; message: string } {
  if (e instanceof CodedFailure) return { code: e.code, message: e.message };
  throw e;
}

function previewView(p: ImportPreview): PackagePreview {
  const side = (s: ImportPreview['changes'][number]['before']) =>
    s ? { score: s.score, input: s.input, comment: s.comment, exemption: s.exemption } : null;
  return {
    packageHash: p.packageHash,
    state: p.state,
    member: { ...p.member },
    sequence: p.sequence,
    lastSequence: p.lastSequence,
    gap: p.gap,
    createdAt: p.createdAt,
    counts: { ...p.counts },
    changes: p.changes.slice(0, PREVIEW_ROWS).map((c) => ({
      unitId: c.unitId,
      unitName: c.unitName,
      nodeCode: c.nodeCode,
      nodeTitle: c.nodeTitle,
      kind: c.kind,
      before: side(c.before),
      after: side(c.after),
    })),
    changesTotal: p.changes.length,
    conflicts: p.conflicts.map((c) => ({ ...c, sides: c.sides.map((s) => ({ ...s })) })),
    declarations: {
      added: p.declarations.added.map((d) => ({ ...d })),
      removed: p.declarations.removed.map((d) => ({ ...d })),
    },
  };
}

export const secretariatPreviewImport: Handler<'secretariat.previewImport'> = (ctx, { tickets }) => {
  const { scope } = secretariatScope(ctx, 'nhập kết quả thẩm định');
  const files: FilePreview[] = tickets.map((ticket) => {
    let file = '';
    try {
      const f = ticketFile(ctx.core.dataDir, 'upload', ticket);
      file = f.name;
      return { ticket, file, ok: true as const, preview: previewView(previewImport(scope.db, f.path)) };
    } catch (e) {
      return { ticket, file, ok: false as const, error: coded(e) };
    }
  });
  return { files };
};

export const secretariatCommitImport: Handler<'secretariat.commitImport'> = (ctx, { items }) => {
  const { scope, actor } = secretariatScope(ctx, 'nhập kết quả thẩm định');
  const name = memberName(scope);
  let backedUp = false;
  const outcomes: ImportOutcomeView[] = items.map(({ ticket, expectedHash }) => {
    let file = '';
    try {
      const f = ticketFile(ctx.core.dataDir, 'upload', ticket);
      file = f.name;
      // One backup of the database before the first package that writes.
      const o = commitImport(scope.db, ctx.core.dataDir, f.path, { actor, expectedHash, backup: !backedUp });
      if (o.status === 'imported') backedUp = true;
      discardTicket(ctx.core.dataDir, 'upload', ticket);
      return {
        ticket,
        file,
        status: o.status,
        code: o.code,
        message: o.message,
        memberName: name(o.memberId),
        sequence: o.sequence,
        counts: o.counts ? { ...o.counts } : null,
      };
    } catch (e) {
      const c = coded(e);
      return {
        ticket,
        file,
        status: 'refused' as const,
        code: c.code,
        message: c.message,
        memberName: null,
        sequence: null,
        counts: null,
      };
    }
  });
  return { outcomes };
};

// ------------------------------------------------------------------ secretariat: conflicts, exemptions

function conflictView(scope: Scope, c: CoreConflict): ConflictView {
  const evidenceId = scope.db.prepare('SELECT id FROM evidence WHERE cycle_id = ? AND sha256 = ?').pluck();
  const name = memberName(scope);
  return {
    unitId: c.unitId,
    unitName: c.unitName,
    nodeCode: c.nodeCode,
    nodeTitle: c.nodeTitle,
    field: c.field,
    maxPoints: c.maxPoints,
    scoring: c.scoring ? (JSON.parse(JSON.stringify(c.scoring)) as ConflictView['scoring']) : null,
    status: c.status,
    selfScore: c.selfScore,
    sides: c.sides.map((s) => ({
      memberId: s.memberId,
      memberName: s.memberName,
      score: s.score,
      input: s.input,
      comment: s.comment,
      evidence: s.evidence.map((e) => ({
        evidenceId: (evidenceId.get(scope.cycle.id, e.sha256) as number | undefined) ?? null,
        title: e.title,
        fileName: e.fileName,
        page: e.page,
        status: e.status,
      })),
      packageHash: s.packageHash,
      updatedAt: s.updatedAt,
    })),
    resolution: c.resolution
      ? {
          score: c.resolution.score,
          input: c.resolution.input,
          sourceMember: c.resolution.sourceMember,
          sourceMemberName: name(c.resolution.sourceMember),
          decidedBy: name(c.resolution.decidedBy) ?? c.resolution.decidedBy,
          reason: c.resolution.reason,
          at: c.resolution.at,
        }
      : null,
  };
}

export const secretariatConflicts: Handler<'secretariat.conflicts'> = (ctx, { status }) => {
  const { scope } = secretariatScope(ctx, 'xử lý ý kiến khác nhau');
  return listConflicts(scope.db, ctx.core.dataDir, scope.cycle.id, { status: status ?? 'all' }).map((c) =>
    conflictView(scope, c),
  );
};

export const secretariatResolveConflict: Handler<'secretariat.resolveConflict'> = (
  ctx,
  { unitId, nodeCode, choice, reason },
) => {
  const { scope, actor } = secretariatScope(ctx, 'xử lý ý kiến khác nhau');
  const core = 'memberId' in choice ? { memberId: choice.memberId } : { input: choice.input as ScoreInputData };
  return conflictView(
    scope,
    resolveConflict(scope.db, ctx.core.dataDir, scope.cycle.id, { unitId, nodeCode, choice: core, reason, actor }),
  );
};

function exemptionView(e: CoreExemption): ExemptionView {
  return {
    unitId: e.unitId,
    unitName: e.unitName,
    nodeCode: e.nodeCode,
    nodeTitle: e.nodeTitle,
    maxPoints: e.maxPoints,
    reason: e.reason,
    legalBasis: e.legalBasis,
    proposedBy: e.proposedBy,
    proposedByName: e.proposedByName,
    status: e.status,
    decidedBy: e.decidedBy,
    decisionReason: e.decisionReason,
    createdAt: e.createdAt,
    decidedAt: e.decidedAt,
  };
}

export const secretariatExemptions: Handler<'secretariat.exemptions'> = (ctx, { status }) => {
  const { scope } = secretariatScope(ctx, 'phê duyệt hạ điểm chuẩn');
  const name = memberName(scope);
  return listExemptions(scope.db, scope.cycle.id, { status: status ?? 'all' }).map((e) => ({
    ...exemptionView(e),
    decidedBy: name(e.decidedBy),
  }));
};

export const secretariatDecideExemption: Handler<'secretariat.decideExemption'> = (
  ctx,
  { unitId, nodeCode, decision, reason, legalBasis },
) => {
  const { scope, actor } = secretariatScope(ctx, 'phê duyệt hạ điểm chuẩn');
  const e = decideExemption(scope.db, scope.cycle.id, {
    unitId,
    nodeCode,
    decision,
    actor,
    ...(reason === undefined ? {} : { reason }),
    ...(legalBasis === undefined ? {} : { legalBasis }),
  });
  return { ...exemptionView(e), decidedBy: memberName(scope)(e.decidedBy) };
};

// ------------------------------------------------------------------ secretariat: completeness, finalise

function snapshotView(scope: Scope, s: SnapshotInfo): SnapshotView {
  return {
    id: s.id,
    createdAt: s.createdAt,
    actor: s.actor,
    actorName: memberName(scope)(s.actor) ?? s.actor,
    reason: s.reason,
    hash: s.hash,
  };
}

export const secretariatCompleteness: Handler<'secretariat.completeness'> = (ctx) => {
  const { scope } = secretariatScope(ctx, 'xem mức độ hoàn thành');
  const m = completenessMatrix(scope.db, ctx.core.dataDir, scope.cycle.id);
  return {
    cycle: cycleRef(scope),
    fields: m.fields.map((f) => ({ ...f })),
    rows: m.rows.map((r) => ({
      unitId: r.unitId,
      unitName: r.unitName,
      group: r.group,
      cells: r.cells.map((c) => (c ? { ...c } : null)),
    })),
    totals: { ...m.totals },
    blockers: [...m.blockers],
    ready: m.ready,
    readyIgnoringEvidence: m.readyIgnoringEvidence,
    snapshots: listSnapshots(scope.db, scope.cycle.id).map((s) => snapshotView(scope, s)),
  };
};

export const secretariatFinalise: Handler<'secretariat.finalise'> = (ctx, { reason, acceptMissingEvidence }) => {
  const { scope, actor } = secretariatScope(ctx, 'chốt kết quả');
  const s = finaliseCycle(scope.db, ctx.core.dataDir, scope.cycle.id, {
    actor,
    ...(reason?.trim() ? { reason } : {}),
    ...(acceptMissingEvidence ? { acceptMissingEvidence } : {}),
  });
  return snapshotView(scope, s);
};

export const secretariatReopen: Handler<'secretariat.reopen'> = (ctx, { reason }) => {
  const { scope, actor } = secretariatScope(ctx, 'mở lại kỳ đánh giá');
  reopenCycle(scope.db, scope.cycle.id, { actor, reason });
  return { ...cycleRef(scope), status: 'open' };
};

export const secretariatConflictsOfInterest: Handler<'secretariat.conflictsOfInterest'> = (ctx) => {
  const { scope } = secretariatScope(ctx, 'xem khai báo xung đột lợi ích');
  return listConflictsOfInterest(scope.db, scope.cycle.id).map(coiView);
};

// ------------------------------------------------------------------ secretariat: audit

type AuditQueryArg = Parameters<typeof queryAudit>[1];

function auditQuery(q: {
  entity?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  text?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): NonNullable<AuditQueryArg> {
  const out: { -readonly [K in keyof NonNullable<AuditQueryArg>]?: NonNullable<AuditQueryArg>[K] } = {};
  for (const k of ['entity', 'actor', 'action', 'text', 'from', 'to'] as const) {
    const v = q[k];
    if (v) out[k] = v;
  }
  return out;
}

export const secretariatAudit: Handler<'secretariat.audit'> = (ctx, input) => {
  const { scope } = secretariatScope(ctx, 'xem nhật ký');
  const db = scope.db;
  const { rows, total } = queryAudit(db, {
    ...auditQuery(input),
    limit: input.limit ?? 500,
    offset: input.offset ?? 0,
  });
  const names = new Map(
    (db.prepare('SELECT id, name FROM members').all() as { id: string; name: string }[]).map((m) => [m.id, m.name]),
  );
  const actors = (db.prepare('SELECT DISTINCT actor FROM audit_log ORDER BY actor').pluck().all() as string[]).map(
    (id) => ({ id, name: names.get(id) ?? id }),
  );
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
    actors: actors.sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    entities: db.prepare('SELECT DISTINCT entity FROM audit_log ORDER BY entity').pluck().all() as string[],
    actions: db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').pluck().all() as string[],
  };
};

export const secretariatExportAudit: Handler<'secretariat.exportAudit'> = (ctx, { format, query }) => {
  const { scope } = secretariatScope(ctx, 'xuất nhật ký');
  let rows = 0;
  let chainOk = false;
  const w = vnWallClock(new Date().toISOString())!; // the file is named by the day in Vietnam
  const day = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  const file = produceOutbox(ctx.core.dataDir, `nhat-ky_${scope.cycle.id}_${day}.${format}`, (path) => {
    const r = exportAudit(scope.db, path, { format, query: auditQuery(query ?? {}) });
    rows = r.rows;
    chainOk = r.chainOk;
  });
  return { file: { ticket: file.ticket, fileName: file.name, size: file.size }, rows, chainOk };
};

const CHAIN_REASONS: Record<string, string> = {
  'prev_hash does not match the previous row':
    'mã băm dòng trước ghi trong dòng này không khớp với dòng trước (có dòng bị xóa hoặc chèn)',
  'hash does not match the row content': 'nội dung dòng không còn khớp với mã băm của nó (dòng đã bị sửa)',
};

export const secretariatVerify: Handler<'secretariat.verify'> = (ctx) => {
  const { scope } = secretariatScope(ctx, 'kiểm tra tính toàn vẹn');
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
};
