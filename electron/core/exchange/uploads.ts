/**
 * The secretariat's import of uploaded appraisal packages (by ticket, electron/core/files/store.ts):
 * each previewed or committed on its own; a refused file is an outcome with its code, not a
 * failure of the batch. One backup of the database before the first package that writes.
 */
import type { FilePreview, ImportOutcomeView, PackagePreview } from '../../../shared/contract/exchange.ts';
import { PREVIEW_ROWS } from '../../../shared/contract/exchange.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { listMembers } from '../db/repos/members.ts';
import type { Scope } from '../dossier/scope.ts';
import { discardTicket, ticketFile } from '../files/store.ts';
import { type ImportPreview, previewImport } from './import-preview.ts';
import { type ImportEntry, importBatch } from './import-batch.ts';

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

export function previewUploads(scope: Scope, tickets: readonly string[]): FilePreview[] {
  return tickets.map((ticket) => {
    let file = '';
    try {
      const f = ticketFile(scope.dataDir, 'upload', ticket);
      file = f.name;
      return { ticket, file, ok: true as const, preview: previewView(previewImport(scope.db, f.path)) };
    } catch (e) {
      return { ticket, file, ok: false as const, error: coded(e) };
    }
  });
}

export function commitUploads(
  scope: Scope,
  actor: string,
  items: readonly { ticket: string; expectedHash: string }[],
): ImportOutcomeView[] {
  const names = new Map(listMembers(scope.db, scope.cycle.id).map((m) => [m.id, m.name]));
  const name = (id: string | null) => (id === null ? null : (names.get(id) ?? id));
  const refused = (ticket: string, file: string, c: { code: string | null; message: string }): ImportOutcomeView => ({
    ticket,
    file,
    status: 'refused',
    code: c.code,
    message: c.message,
    memberName: null,
    sequence: null,
    counts: null,
  });
  // Tickets resolved first; the files are then imported as one batch (import-batch.ts).
  const views: (ImportOutcomeView | null)[] = [];
  const found: { ticket: string; file: string; entry: ImportEntry }[] = [];
  for (const { ticket, expectedHash } of items) {
    try {
      const f = ticketFile(scope.dataDir, 'upload', ticket);
      found.push({ ticket, file: f.name, entry: { path: f.path, expectedHash } });
      views.push(null);
    } catch (e) {
      views.push(refused(ticket, '', coded(e)));
    }
  }
  const { outcomes } = importBatch(
    scope.db,
    scope.dataDir,
    found.map((f) => f.entry),
    { actor },
  );
  let k = 0;
  return views.map((v) => {
    if (v) return v;
    const { ticket, file } = found[k]!;
    const o = outcomes[k++]!;
    if (o.status === 'refused') return refused(ticket, file, o);
    // Committed (or known already): the upload is no longer needed.
    discardTicket(scope.dataDir, 'upload', ticket);
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
  });
}
