/** What a member's gesture does to a sub-criterion (controls and keyboard share these). */
import type { DossierNode } from '../../../shared/contract/dossier.ts';
import { toastStore } from '../../components/toast-store.ts';
import { vi } from '../../i18n/vi.ts';
import { invalidateOverview } from '../home/units-cache.ts';
import { saver } from './saver.ts';
import { EMPTY_EDIT, editOfNode, type EvidenceRef, type FullEdit, type LeafEdit } from './edits.ts';

/** The state shown for a node: my unsaved edit over the core's. */
export function currentEdit(unitId: string, node: DossierNode): FullEdit {
  const base = editOfNode(node) ?? EMPTY_EDIT;
  const d = saver.desired(unitId, node.code);
  if (!d) return base;
  return { input: d.input, comment: d.comment ?? base.comment, evidence: d.evidence ?? base.evidence };
}

export interface Locks {
  /** The field is not mine, the cycle is finalised, or a survey leaf: nothing can change. */
  readonly readOnly: string | null;
  /** Why the score cannot change now (read-only, or exempted), or null. */
  readonly score: string | null;
  /** The lowered benchmark cannot be proposed or removed here. */
  readonly exemption: boolean;
  /** The node or an ancestor is exempted. */
  readonly exempted: boolean;
}

/**
 * What may change on a node, and why not. `myFields`: the fields assigned to me (undefined
 * while unknown); a read-only node of one of them means a declared conflict of interest.
 */
export function locksOf(
  node: DossierNode,
  exemptedBy: DossierNode | null,
  cycleFinalised: boolean,
  member: boolean,
  myFields?: readonly string[],
): Locks {
  const d = vi.dossier.detail;
  const readOnly = cycleFinalised
    ? d.readOnlyFinalised
    : !member
      ? d.readOnlyNoMember
      : node.scoring?.kind === 'survey'
        ? d.readOnlySurvey
        : node.readOnly
          ? myFields?.includes(node.field)
            ? d.readOnlyConflict
            : d.readOnlyField
          : null;
  const score =
    readOnly ??
    (exemptedBy ? (exemptedBy.code === node.code ? d.exemptedSelf : d.exemptedInner(exemptedBy.code)) : null);
  return {
    readOnly,
    score,
    exemption: readOnly !== null || (exemptedBy !== null && exemptedBy.code !== node.code),
    exempted: exemptedBy !== null,
  };
}

function change(unitId: string, node: DossierNode, patch: Partial<LeafEdit>, delay = 0): void {
  invalidateOverview();
  void saver.edit(unitId, node.code, editOfNode(node), patch, { delay });
}

export function setInput(unitId: string, node: DossierNode, input: unknown): void {
  change(unitId, node, { input });
}

export function setEvidence(unitId: string, node: DossierNode, evidence: readonly EvidenceRef[]): void {
  change(unitId, node, { evidence });
}

/** Told when a key or click tries to change what cannot be changed. */
export function refuse(reason: string): void {
  toastStore.info(reason);
}
