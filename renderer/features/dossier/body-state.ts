/**
 * What the dossier body shows, worked out from the view and my edits not yet confirmed: the
 * sub-criteria I still have to score ("Còn lại"), my local scores already in the totals, each
 * row's state, and my progress. Pure: the screen (Dossier.tsx) reads them on every render.
 */
import type { DossierNode, DossierView } from '../../../shared/contract/dossier.ts';
import type { Rational } from '../../../shared/decimal/rational.ts';
import { roundedDecimalText } from '../../../shared/decimal/text.ts';
import { myProgress, takesOut } from '../../../shared/scoring/progress.ts';
import { locksOf } from './actions.ts';
import type { RowState } from './CriteriaList.tsx';
import { ancestorsOf, exemptedBy, localScore } from './model.ts';
import { saver } from './saver.ts';

/** Who looks: a member or not, the fields assigned to him, and whether the cycle is finalised. */
export interface Viewer {
  readonly member: boolean;
  readonly assigned: readonly string[] | undefined;
  readonly finalised: boolean;
}

/** "Còn lại": the sub-criteria I still have to score (editable, not exempted, no score of mine), with their parents. */
export function leftToDo(view: DossierView, byCode: ReadonlyMap<string, DossierNode>, who: Viewer): Set<string> {
  const unitId = view.unit.id;
  const isLeft = (n: DossierNode) =>
    n.leaf &&
    !exemptedBy(byCode, n.code) &&
    locksOf(n, null, who.finalised, who.member, who.assigned).readOnly === null &&
    (saver.desired(unitId, n.code)?.input ?? n.appraisal?.input ?? null) === null;
  const leftCodes = new Set<string>();
  for (const n of view.nodes) {
    if (!isLeft(n)) continue;
    for (let c: string | null = n.code; c && !leftCodes.has(c); c = byCode.get(c)?.parent ?? null) leftCodes.add(c);
  }
  return leftCodes;
}

/** My scores not yet confirmed by the core (null: cleared), to put in the totals at once. */
export function unconfirmedScores(view: DossierView): Map<string, Rational | null> {
  const unitId = view.unit.id;
  const localScores = new Map<string, Rational | null>();
  for (const n of view.nodes) {
    const desired = n.leaf && saver.busy(unitId, n.code) ? saver.desired(unitId, n.code) : undefined;
    if (!desired) continue;
    const s = localScore(n, desired.input);
    if (s === null) localScores.set(n.code, null);
    else if (s.ok) localScores.set(n.code, s.value);
  }
  return localScores;
}

/** Each shown row: my score as I last typed it (or the core's), comment, exemption, lock, invalid input. */
export function rowStates(
  unitId: string,
  rowsNodes: readonly DossierNode[],
  byCode: ReadonlyMap<string, DossierNode>,
  who: Viewer,
): RowState[] {
  return rowsNodes.map((n) => {
    const ex = exemptedBy(byCode, n.code);
    const desired = saver.desired(unitId, n.code);
    let mine = n.appraisal?.score ?? null;
    let invalid = false;
    if (desired) {
      const s = localScore(n, desired.input);
      if (s === null) mine = null;
      else if (s.ok) mine = roundedDecimalText(s.value, 6);
      else invalid = true;
    }
    return {
      node: n,
      mine,
      hasComment: (desired?.comment ?? n.appraisal?.comment ?? '') !== '',
      exempted: ex ? (ex.code === n.code ? 'self' : 'ancestor') : null,
      locked: locksOf(n, ex, who.finalised, who.member, who.assigned).readOnly !== null,
      invalid,
    };
  });
}

/**
 * Progress: the same rule as the home list (my assigned fields, my scores, proposed or approved
 * lowered benchmarks taken out); without assigned fields (the secretariat), every field and any member's score.
 */
export function dossierProgress(
  view: DossierView,
  byCode: ReadonlyMap<string, DossierNode>,
  assigned: readonly string[] | undefined,
  localScores: ReadonlyMap<string, Rational | null>,
  appraised: number,
) {
  const progressFields = assigned && assigned.length > 0 ? new Set(assigned) : null;
  return progressFields
    ? myProgress(
        view.nodes
          .filter((n) => n.leaf)
          .map((n) => ({
            field: n.field,
            survey: n.scoring?.kind === 'survey',
            own: n.exemption?.status ?? null,
            path: ancestorsOf(byCode, n.code).map((a) => a.exemption?.status ?? null),
            appraisedByMe: localScores.has(n.code) ? localScores.get(n.code) !== null : n.appraisal?.score != null,
          })),
        progressFields,
      )
    : {
        appraised,
        total: view.nodes.filter(
          (n) =>
            n.leaf &&
            n.scoring?.kind !== 'survey' &&
            !ancestorsOf(byCode, n.code).some((a) => takesOut(a.exemption?.status)),
        ).length,
      };
}
