/**
 * My edits of a sub-criterion as the saver sends them: an appraisal (input, comment, evidence) or an exemption
 * proposal.
 */
import type { DossierNode } from '../../../shared/contract/dossier.ts';

export interface EvidenceRef {
  readonly evidenceId: number;
  readonly page: number | null;
}

/** My appraisal of a leaf; a missing comment or evidence means "as the core holds it" (the grid sends scores only). */
export interface LeafEdit {
  readonly input: unknown;
  readonly comment?: string;
  readonly evidence?: readonly EvidenceRef[];
}

export type FullEdit = Required<LeafEdit>;

export interface ExemptionEdit {
  readonly reason: string;
  readonly legalBasis: string;
}

export const EMPTY_EDIT: FullEdit = Object.freeze({ input: null, comment: '', evidence: [] });

/** My appraisal of a node as an edit (null when I have none). */
export function editOfNode(node: Pick<DossierNode, 'appraisal'>): FullEdit | null {
  const a = node.appraisal;
  if (!a) return null;
  return {
    input: a.input ?? null,
    comment: a.comment,
    evidence: a.evidence.map((e) => ({ evidenceId: e.evidenceId, page: e.page })),
  };
}
