/** What an appraiser (or a unit, self-assessing) enters for a sub-criterion, per kind. */
type NumberLike = number | string;

interface TickInput {
  readonly met: boolean;
}
interface TierInput {
  readonly tier: string;
}
interface FiguresInput {
  readonly a: NumberLike;
  readonly b: NumberLike;
}
interface PercentInput {
  readonly percent: NumberLike;
}
interface CountInput {
  readonly count: NumberLike;
}
interface DeductionInput {
  readonly violations: NumberLike;
}
interface SurveyInput {
  readonly points: NumberLike;
}
interface DeltaInput {
  readonly previousIndex: NumberLike;
  readonly earlierIndex: NumberLike;
}

export type ScoreInput =
  | TickInput
  | TierInput
  | FiguresInput
  | PercentInput
  | CountInput
  | DeductionInput
  | SurveyInput
  | DeltaInput;
