/** What an appraiser (or a unit, self-assessing) enters for a sub-criterion, per kind. */
export type NumberLike = number | string;

export interface TickInput {
  readonly met: boolean;
}
export interface TierInput {
  readonly tier: string;
}
export interface FiguresInput {
  readonly a: NumberLike;
  readonly b: NumberLike;
}
export interface PercentInput {
  readonly percent: NumberLike;
}
export interface CountInput {
  readonly count: NumberLike;
}
export interface DeductionInput {
  readonly violations: NumberLike;
}
export interface SurveyInput {
  readonly points: NumberLike;
}
export interface DeltaInput {
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
