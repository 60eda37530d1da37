/**
 * The council's value and comment for one sub-criterion: the one rule every screen and
 * document uses (the drill-down, the per-unit sheets, the notices and feedback sheets, the
 * exports).
 *
 * - exempted (approved lowered benchmark, on it or above): no value, not counted;
 * - survey: the imported survey points;
 * - an unresolved conflict (assigned members disagree, no decision): no council value yet;
 *   the members' scores are listed;
 * - a council decision (conflict resolved): the decided value; the comment is the chosen
 *   member's (not the side that lost) with the council's reason;
 * - members' agreed or single appraisal: that value; the comments of the members who gave it;
 * - otherwise the unit's self-assessment, provisional (tạm tính).
 */
import type { DrillNode } from './drilldown.ts';
import type { DecimalText } from '../decimal/text.ts';

type CouncilState = 'exempt' | 'survey' | 'conflict' | 'decided' | 'appraised' | 'provisional' | 'none';

export interface CouncilValue {
  readonly state: CouncilState;
  /** The value counted as the council's; null when exempted, in conflict or unscored. */
  readonly score: DecimalText | null;
  /** The score counted in the index meanwhile (provisional self-score, or the latest member's during a conflict). */
  readonly counted: DecimalText | null;
  /** The council's comment (only the winning side's). */
  readonly comment: string;
  /** During a conflict: each assigned member's score. */
  readonly sides: readonly { readonly memberName: string; readonly score: DecimalText }[];
}

const distinct = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim()).filter((x) => x !== ''))];

export function councilValue(n: DrillNode): CouncilValue {
  const base = { counted: n.points, sides: [] as CouncilValue['sides'] };
  if (!n.counted) return { ...base, state: 'exempt', score: null, counted: null, comment: '' };
  if (n.source === 'survey') return { ...base, state: 'survey', score: n.points, comment: '' };
  const assigned = n.appraisals.filter((a) => a.assigned && a.score !== null);
  if (n.unresolved > 0) {
    return {
      ...base,
      state: 'conflict',
      score: null,
      comment: '',
      sides: assigned.map((a) => ({ memberName: a.memberName, score: a.score! })),
    };
  }
  if (n.source === 'final' && n.final) {
    const f = n.final;
    const winners =
      f.sourceMember !== null
        ? assigned.filter((a) => a.memberId === f.sourceMember)
        : assigned.filter((a) => a.score === f.score);
    const comment = distinct([
      ...winners.map((a) => a.comment),
      ...(f.decidedBy !== null && f.reason ? [f.reason] : []),
    ]).join('; ');
    return { ...base, state: f.decidedBy !== null ? 'decided' : 'appraised', score: f.score, comment };
  }
  if (n.source === 'final' || n.source === 'appraised') {
    const comment = distinct(assigned.filter((a) => a.score === n.points).map((a) => a.comment)).join('; ');
    return { ...base, state: 'appraised', score: n.points, comment };
  }
  if (n.source === 'self') return { ...base, state: 'provisional', score: null, comment: '' };
  return { ...base, state: 'none', score: null, comment: '' };
}
