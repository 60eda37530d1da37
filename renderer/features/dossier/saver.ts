/**
 * Autosave of appraisals and exemptions, shared by the dossier and the scoring grid.
 *
 * - Every change is sent as the whole state of the sub-criterion (input, comment, evidence)
 *   to `appraisal.set`: the core saves it in one transaction with an audit row.
 * - Clicks save at once; text saves debounced while typing and at once on blur (flush).
 * - Sends for one sub-criterion are serialised; a change made while a send is in flight is
 *   sent right after it with the latest state (never an older one after a newer one).
 * - Drafts: the latest state of each unconfirmed change is kept in localStorage until the
 *   core answers, and sent again at the next start (crash, closed window).
 * - Undo: each confirmed send records the state before it; `undo()` sends that state back.
 *
 * Over 300 lines on purpose: the slots, the send chains, the undo stack and the listeners are
 * module state that nearly every function here reads and writes; the edits' shapes (edits.ts)
 * and the drafts' storage (drafts.ts) are apart.
 */
import type { CodedError } from '../../../shared/errors/codes.ts';
import type { BulkResult } from '../../../shared/contract/bulk.ts';
import type { DossierNode, SavedChange } from '../../../shared/contract/dossier.ts';
import { api } from '../../api/client.ts';
import { saveState } from '../../api/save-state.ts';
import { EMPTY_EDIT, type ExemptionEdit, type LeafEdit, editOfNode } from './edits.ts';
import { readDrafts, writeDraft } from './drafts.ts';

export type SaveEvent =
  | {
      readonly type: 'saved';
      readonly kind: 'appraisal' | 'exemption';
      readonly unitId: string;
      readonly code: string;
      readonly change: SavedChange;
      readonly undo: boolean;
    }
  | { readonly type: 'failed'; readonly unitId: string; readonly code: string; readonly error: CodedError }
  /** Many cells changed at once (agree with the rest, a paste, or their undo): the screens showing these units ask again. */
  | { readonly type: 'bulk'; readonly unitIds: readonly string[]; readonly undo: boolean };

type UndoEntry =
  | { readonly kind: 'appraisal'; readonly unitId: string; readonly code: string; readonly before: LeafEdit | null }
  | {
      readonly kind: 'exemption';
      readonly unitId: string;
      readonly code: string;
      readonly before: ExemptionEdit | null;
    }
  | { readonly kind: 'bulk'; readonly cells: readonly { unitId: string; code: string; before: unknown }[] };

interface Slot {
  readonly unitId: string;
  readonly code: string;
  desired: LeafEdit;
  /** What the core holds (null: no appraisal of mine). */
  confirmed: LeafEdit | null;
  /** A send is queued and will pick up `desired`. */
  queued: boolean;
  /** A send is waiting for the core's answer. */
  inflight: boolean;
  dirty: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  /** The "Đang lưu…" marker held while a debounced send waits. */
  marker: boolean;
  /** The last refusal by the core, shown next to the control. */
  error: CodedError | null;
  /** The latest state that is worth keeping as a draft (valid figures). */
  draftable: boolean;
}

interface ExSlot {
  readonly unitId: string;
  readonly code: string;
  desired: ExemptionEdit | null;
  confirmed: ExemptionEdit | null;
  queued: boolean;
  dirty: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  marker: boolean;
  error: CodedError | null;
}

export const TEXT_DEBOUNCE_MS = 700;
const UNDO_LIMIT = 200;

const slots = new Map<string, Slot>();
const exSlots = new Map<string, ExSlot>();
const chains = new Map<string, Promise<void>>();
const undoStack: UndoEntry[] = [];
const listeners = new Set<(e: SaveEvent) => void>();
const versionListeners = new Set<() => void>();
let version = 0;

const keyOf = (unitId: string, code: string) => `${unitId}\u001f${code}`;

function bump(): void {
  version += 1;
  for (const l of versionListeners) l();
}

function emit(e: SaveEvent): void {
  for (const l of listeners) l(e);
}

/** Runs tasks of one sub-criterion one after another. */
function enqueue(key: string, task: () => Promise<void>): Promise<void> {
  const next = (chains.get(key) ?? Promise.resolve()).then(task, task);
  chains.set(key, next);
  void next.finally(() => {
    if (chains.get(key) === next) chains.delete(key);
  });
  return next;
}

let replayed = false;
/** Sends the drafts left by a crash or a closed window (once per start). */
export async function replayDrafts(): Promise<void> {
  if (replayed) return;
  replayed = true;
  const drafts = readDrafts();
  for (const [id, d] of Object.entries(drafts)) {
    const r =
      d.kind === 'appraisal'
        ? await api.appraisal.set(request(d.unitId, d.code, d.edit))
        : await api.exemption.set({
            unitId: d.unitId,
            nodeCode: d.code,
            reason: d.edit.reason,
            legalBasis: d.edit.legalBasis,
          });
    // Keep it only while the core cannot be reached; a refusal will not get better.
    if (r.ok || r.error.code !== 'TRANSPORT_ERROR') writeDraft(id, null);
    if (r.ok) emit({ type: 'saved', kind: d.kind, unitId: d.unitId, code: d.code, change: r.value, undo: false });
  }
}

// ---------- appraisals ----------

function request(unitId: string, code: string, edit: LeafEdit) {
  return {
    unitId,
    nodeCode: code,
    input: edit.input as never,
    ...(edit.comment === undefined ? {} : { comment: edit.comment }),
    ...(edit.evidence === undefined ? {} : { evidence: [...edit.evidence] }),
  };
}

function slotFor(unitId: string, code: string, base: LeafEdit | null): Slot {
  const key = keyOf(unitId, code);
  let s = slots.get(key);
  if (!s) {
    s = {
      unitId,
      code,
      desired: base ?? EMPTY_EDIT,
      confirmed: base,
      queued: false,
      inflight: false,
      dirty: false,
      timer: null,
      marker: false,
      error: null,
      draftable: true,
    };
    slots.set(key, s);
  }
  return s;
}

function releaseMarker(s: { marker: boolean }): void {
  if (s.marker) {
    s.marker = false;
    saveState.end(true);
  }
}

async function sendAppraisal(s: Slot, recordUndo: boolean): Promise<void> {
  if (s.timer) clearTimeout(s.timer);
  s.timer = null;
  s.dirty = false;
  const body = s.desired;
  const before = s.confirmed;
  const pending = api.appraisal.set(request(s.unitId, s.code, body));
  releaseMarker(s);
  s.inflight = true;
  const r = await pending;
  s.inflight = false;
  const draftId = `a\u001f${keyOf(s.unitId, s.code)}`;
  if (r.ok) {
    s.confirmed = editOfNode(r.value.node) ?? body;
    s.error = null;
    if (recordUndo) pushUndo({ kind: 'appraisal', unitId: s.unitId, code: s.code, before });
    if (!s.dirty) {
      s.desired = s.confirmed;
      writeDraft(draftId, null);
    }
    emit({ type: 'saved', kind: 'appraisal', unitId: s.unitId, code: s.code, change: r.value, undo: !recordUndo });
  } else {
    s.error = r.error;
    if (!s.dirty && r.error.code !== 'TRANSPORT_ERROR') writeDraft(draftId, null);
    emit({ type: 'failed', unitId: s.unitId, code: s.code, error: r.error });
  }
  bump();
}

/** Debounced, serialised per sub-criterion: waits `delay` ms, then sends once whatever is latest. */
function scheduleWith<S extends Slot | ExSlot>(
  s: S,
  delay: number,
  recordUndo: boolean,
  send: (s: S, recordUndo: boolean) => Promise<void>,
): Promise<void> {
  if (s.timer) clearTimeout(s.timer);
  s.timer = null;
  if (delay > 0) {
    if (!s.marker) {
      s.marker = true;
      saveState.begin();
    }
    s.timer = setTimeout(() => void scheduleWith(s, 0, recordUndo, send), delay);
    return Promise.resolve();
  }
  if (s.queued) return chains.get(keyOf(s.unitId, s.code)) ?? Promise.resolve();
  s.queued = true;
  return enqueue(keyOf(s.unitId, s.code), async () => {
    s.queued = false;
    await send(s, recordUndo);
  });
}

function schedule(s: Slot, delay: number, recordUndo = true): Promise<void> {
  return scheduleWith(s, delay, recordUndo, sendAppraisal);
}

export interface EditOptions {
  /** 0: save now (clicks); > 0: debounced (typing). */
  readonly delay?: number;
  /** False for a state not worth keeping if the window closes (incomplete or invalid figures). */
  readonly draftable?: boolean;
  /** False: keep the change local until a later edit or flush (incomplete figures). */
  readonly send?: boolean;
}

export const saver = {
  subscribe(listener: (e: SaveEvent) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** For useSyncExternalStore: changes whenever a local state or an error changes. */
  subscribeVersion(listener: () => void): () => void {
    versionListeners.add(listener);
    return () => versionListeners.delete(listener);
  },
  version: () => version,

  /** The state I am editing (unsaved or just saved), or undefined when the core's view is current. */
  desired(unitId: string, code: string): LeafEdit | undefined {
    return slots.get(keyOf(unitId, code))?.desired;
  },
  /** The core's last refusal of my appraisal of this node (cleared by the next accepted save). */
  error(unitId: string, code: string): CodedError | null {
    return slots.get(keyOf(unitId, code))?.error ?? null;
  },
  exemptionError(unitId: string, code: string): CodedError | null {
    return exSlots.get(keyOf(unitId, code))?.error ?? null;
  },

  /** Changes part of my appraisal of a leaf; `base` is the core's current state. */
  edit(
    unitId: string,
    code: string,
    base: LeafEdit | null,
    patch: Partial<LeafEdit>,
    options: EditOptions = {},
  ): Promise<void> {
    const s = slotFor(unitId, code, base);
    s.desired = { ...s.desired, ...patch };
    s.dirty = true;
    s.draftable = options.draftable ?? true;
    if (s.draftable) writeDraft(`a\u001f${keyOf(unitId, code)}`, { kind: 'appraisal', unitId, code, edit: s.desired });
    bump();
    if (options.send === false) {
      if (s.timer) clearTimeout(s.timer);
      s.timer = null;
      releaseMarker(s);
      return Promise.resolve();
    }
    return schedule(s, options.delay ?? 0);
  },

  /** Sends what waits (debounced text) now: on blur, before leaving, before undo. */
  async flush(unitId?: string, code?: string): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const s of slots.values()) {
      if (unitId !== undefined && s.unitId !== unitId) continue;
      if (code !== undefined && s.code !== code) continue;
      if (s.timer) waits.push(schedule(s, 0));
    }
    for (const s of exSlots.values()) {
      if (unitId !== undefined && s.unitId !== unitId) continue;
      if (code !== undefined && s.code !== code) continue;
      if (s.timer) waits.push(scheduleEx(s, 0));
    }
    await Promise.all(waits);
    await Promise.all([...chains.values()]);
  },

  /** Has a sub-criterion unsent local changes (incomplete figures) or pending sends? */
  busy(unitId: string, code: string): boolean {
    const s = slots.get(keyOf(unitId, code));
    return !!s && (s.dirty || s.queued || s.inflight || !!s.timer);
  },

  /** Drops the local states of a unit that have nothing pending (a fresh view came from the core). */
  forget(unitId: string): void {
    for (const [k, s] of slots)
      if (s.unitId === unitId && !s.dirty && !s.queued && !s.inflight && !s.timer) slots.delete(k);
    for (const [k, s] of exSlots) if (s.unitId === unitId && !s.dirty && !s.queued && !s.timer) exSlots.delete(k);
    bump();
  },

  // ---------- exemptions ----------

  exemptionDesired(unitId: string, code: string): ExemptionEdit | null | undefined {
    const s = exSlots.get(keyOf(unitId, code));
    return s ? s.desired : undefined;
  },

  /** Proposes (or edits) a lowered benchmark; `base` is the core's current exemption. */
  setExemption(
    unitId: string,
    code: string,
    base: ExemptionEdit | null,
    next: ExemptionEdit,
    options: { delay?: number } = {},
  ): Promise<void> {
    const s = exSlotFor(unitId, code, base);
    s.desired = next;
    s.dirty = true;
    writeDraft(`e\u001f${keyOf(unitId, code)}`, { kind: 'exemption', unitId, code, edit: next });
    bump();
    return scheduleEx(s, options.delay ?? 0);
  },

  removeExemption(unitId: string, code: string, base: ExemptionEdit | null): Promise<void> {
    const s = exSlotFor(unitId, code, base);
    s.desired = null;
    s.dirty = true;
    writeDraft(`e\u001f${keyOf(unitId, code)}`, null);
    bump();
    return scheduleEx(s, 0);
  },

  canUndo: () => undoStack.length > 0,

  /** Sends back the state before the last confirmed change; resolves with what was undone. */
  async undo(): Promise<{ unitId: string; code: string; count?: number } | null> {
    await saver.flush();
    const entry = undoStack.pop();
    if (!entry) return null;
    if (entry.kind === 'bulk') {
      const r = await api.appraisal.setMany({
        reason: 'undo',
        cells: entry.cells.map((c) => ({ unitId: c.unitId, nodeCode: c.code, input: c.before as never })),
      });
      if (!r.ok) {
        pushUndo(entry);
        emit({
          type: 'failed',
          unitId: entry.cells[0]?.unitId ?? '',
          code: entry.cells[0]?.code ?? '',
          error: r.error,
        });
        return null;
      }
      applyBulk(r.value, false);
      return { unitId: entry.cells[0]?.unitId ?? '', code: '', count: r.value.saved.length };
    }
    if (entry.kind === 'appraisal') {
      const s = slotFor(entry.unitId, entry.code, null);
      s.desired = entry.before ?? EMPTY_EDIT;
      s.dirty = true;
      s.draftable = true;
      bump();
      await schedule(s, 0, false);
    } else {
      const s = exSlotFor(entry.unitId, entry.code, null);
      s.desired = entry.before;
      s.dirty = true;
      bump();
      await scheduleEx(s, 0, false);
    }
    return { unitId: entry.unitId, code: entry.code };
  },
};

/**
 * The core's answer to a bulk change: the local states of the cells it wrote are dropped (the
 * screens ask again), one undo entry covers them all (when `undoable`), and the screens are told.
 */
function applyBulk(result: BulkResult, undoable: boolean): void {
  if (!result.committed || result.saved.length === 0) return;
  for (const c of result.saved) {
    const s = slots.get(keyOf(c.unitId, c.nodeCode));
    if (!s) continue;
    if (!s.dirty && !s.queued && !s.inflight && !s.timer) slots.delete(keyOf(c.unitId, c.nodeCode));
    else s.confirmed = { ...(s.confirmed ?? EMPTY_EDIT), input: c.input };
  }
  if (undoable)
    pushUndo({
      kind: 'bulk',
      cells: result.saved.map((c) => ({ unitId: c.unitId, code: c.nodeCode, before: c.before ?? null })),
    });
  emit({ type: 'bulk', unitIds: [...new Set(result.saved.map((c) => c.unitId))], undo: !undoable });
  bump();
}

/** Records a committed bulk change (one undo entry) and tells the screens. */
export function bulkSaved(result: BulkResult): void {
  applyBulk(result, true);
}

function pushUndo(e: UndoEntry): void {
  undoStack.push(e);
  if (undoStack.length > UNDO_LIMIT) undoStack.shift();
}

function exSlotFor(unitId: string, code: string, base: ExemptionEdit | null): ExSlot {
  const key = keyOf(unitId, code);
  let s = exSlots.get(key);
  if (!s) {
    s = {
      unitId,
      code,
      desired: base,
      confirmed: base,
      queued: false,
      dirty: false,
      timer: null,
      marker: false,
      error: null,
    };
    exSlots.set(key, s);
  }
  return s;
}

function exemptionOfNode(node: DossierNode): ExemptionEdit | null {
  return node.exemption ? { reason: node.exemption.reason, legalBasis: node.exemption.legalBasis } : null;
}

async function sendExemption(s: ExSlot, recordUndo: boolean): Promise<void> {
  if (s.timer) clearTimeout(s.timer);
  s.timer = null;
  s.dirty = false;
  const body = s.desired;
  const before = s.confirmed;
  if (body === null && before === null) {
    releaseMarker(s);
    return;
  }
  const pending =
    body === null
      ? api.exemption.remove({ unitId: s.unitId, nodeCode: s.code })
      : api.exemption.set({ unitId: s.unitId, nodeCode: s.code, reason: body.reason, legalBasis: body.legalBasis });
  releaseMarker(s);
  const r = await pending;
  const draftId = `e\u001f${keyOf(s.unitId, s.code)}`;
  if (r.ok) {
    s.confirmed = exemptionOfNode(r.value.node);
    s.error = null;
    if (recordUndo) pushUndo({ kind: 'exemption', unitId: s.unitId, code: s.code, before });
    if (!s.dirty) writeDraft(draftId, null);
    emit({ type: 'saved', kind: 'exemption', unitId: s.unitId, code: s.code, change: r.value, undo: !recordUndo });
  } else {
    s.error = r.error;
    // The core did not take it: show what it holds again.
    if (!s.dirty) {
      s.desired = s.confirmed;
      if (r.error.code !== 'TRANSPORT_ERROR') writeDraft(draftId, null);
    }
    emit({ type: 'failed', unitId: s.unitId, code: s.code, error: r.error });
  }
  bump();
}

function scheduleEx(s: ExSlot, delay: number, recordUndo = true): Promise<void> {
  return scheduleWith(s, delay, recordUndo, sendExemption);
}

// Leaving the page or hiding the window: send what waits now (drafts cover a send cut short).
if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', () => void saver.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void saver.flush();
  });
}
