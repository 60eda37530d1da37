/**
 * One counting rule for a member's progress, used by the home list and the dossier alike:
 * the sub-criteria of the member's assigned fields that he appraises (survey ones are
 * imported, not appraised) and that are not taken out by a lowered benchmark proposed or
 * approved on them or above (a rejected proposal takes nothing out); "done" is those he has
 * scored.
 */
export type ExemptionStatus = 'proposed' | 'approved' | 'rejected';

/** A proposed or approved lowered benchmark takes the sub-criterion out of the count. */
export function takesOut(status: ExemptionStatus | null | undefined): boolean {
  return status === 'proposed' || status === 'approved';
}

export interface ProgressLeaf {
  readonly field: string;
  readonly survey: boolean;
  /** The exemption on the leaf itself, if any. */
  readonly own: ExemptionStatus | null;
  /** Exemptions on the leaf and its ancestors. */
  readonly path: readonly (ExemptionStatus | null)[];
  readonly appraisedByMe: boolean;
}

export interface Progress {
  readonly appraised: number;
  readonly total: number;
  /** Sub-criteria of my fields taken out by a lowered benchmark on the leaf itself. */
  readonly exemptions: number;
}

export function myProgress(leaves: Iterable<ProgressLeaf>, myFields: ReadonlySet<string>): Progress {
  let appraised = 0;
  let total = 0;
  let exemptions = 0;
  for (const l of leaves) {
    if (!myFields.has(l.field) || l.survey) continue;
    if (l.path.some(takesOut)) {
      if (takesOut(l.own)) exemptions += 1;
      continue;
    }
    total += 1;
    if (l.appraisedByMe) appraised += 1;
  }
  return { appraised, total, exemptions };
}
