/**
 * The results as JSON, with every number written as exact decimal text (no binary
 * floats on the way): published figures with the precision's decimals ("83.84"),
 * points as their exact decimal ("51.34", "94").
 */
import type { GroupStats, RankedUnit, Results, Stats, UnitResult } from '../../../shared/results/compute.ts';
import { CLASSIFICATION_GROUPS } from '../../../shared/results/classification.ts';
import { exactDecimalText, scaledDecimalText } from '../../../shared/decimal/text.ts';

/** A number already in JSON number syntax. */
class JsonNumber {
  constructor(readonly text: string) {}
}
type JsonValue =
  | JsonNumber
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [k: string]: JsonValue };

function writeJson(v: JsonValue): string {
  if (v instanceof JsonNumber) return v.text;
  if (Array.isArray(v)) return `[${v.map(writeJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v as { [k: string]: JsonValue })
      .map(([k, x]) => `${JSON.stringify(k)}:${writeJson(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function countsJson(s: Stats): JsonValue {
  return Object.fromEntries(CLASSIFICATION_GROUPS.map((g) => [String(g), s.classificationCounts[g]]));
}

function resultsToJson(r: Results): JsonValue {
  const pub = (v: bigint) => new JsonNumber(scaledDecimalText(v, r.precision));
  const unit = (u: UnitResult): JsonValue => ({
    unit: u.unit,
    group: u.group,
    benchmark: new JsonNumber(exactDecimalText(u.benchmark)),
    selfAssessed: new JsonNumber(exactDecimalText(u.selfAssessed)),
    survey: new JsonNumber(exactDecimalText(u.survey)),
    total: new JsonNumber(exactDecimalText(u.total)),
    index: pub(u.published),
    classification: u.classification,
    rankInGroup: u.rankInGroup,
    rankOverall: u.rankOverall,
  });
  const group = (g: GroupStats): JsonValue => ({
    group: g.group,
    count: g.count,
    average: pub(g.average),
    highest: { unit: g.highest.unit, index: pub(g.highest.published) },
    lowest: { unit: g.lowest.unit, index: pub(g.lowest.published) },
    spread: pub(g.spread),
    classificationCounts: countsJson(g),
  });
  const overall: JsonValue = r.overall
    ? { count: r.overall.count, average: pub(r.overall.average), classificationCounts: countsJson(r.overall) }
    : {
        count: 0,
        average: null,
        classificationCounts: Object.fromEntries(CLASSIFICATION_GROUPS.map((g) => [String(g), 0])),
      };
  return { units: r.units.map(unit), groups: r.groups.map(group), overall };
}

/** Units per piece handed to `write` by writeResultsJson. */
const UNITS_PER_PIECE = 2000;

/**
 * A unit's figures as they stand in its JSON object, between its group and its ranks:
 * `,"benchmark":…,"selfAssessed":…,"survey":…,"total":…,"index":…,"classification":…`.
 */
export function unitFiguresJson(u: UnitResult, precision: number): string {
  return (
    `,"benchmark":${exactDecimalText(u.benchmark)},"selfAssessed":${exactDecimalText(u.selfAssessed)}` +
    `,"survey":${exactDecimalText(u.survey)},"total":${exactDecimalText(u.total)}` +
    `,"index":${scaledDecimalText(u.published, precision)},"classification":${u.classification}`
  );
}

/** Results whose units are any ranked record, with their figures' JSON at hand (see unitFiguresJson). */
export interface RankedResults<T extends RankedUnit> extends Omit<Results, 'units'> {
  readonly units: readonly T[];
}

/**
 * The text of writeResultsJson, piece by piece, for units that carry their figures' JSON
 * already written (`figuresJson`), so that a caller may keep that text instead of the exact
 * figures, and wait for each piece to leave before the next.
 */
export function* rankedJsonPieces<T extends RankedUnit>(
  r: RankedResults<T>,
  figuresJson: (u: T) => string,
): Generator<string> {
  let piece = '{"units":[';
  for (let i = 0; i < r.units.length; i++) {
    const u = r.units[i]!;
    piece +=
      `${i === 0 ? '' : ','}{"unit":${JSON.stringify(u.unit)},"group":${JSON.stringify(u.group)}${figuresJson(u)}` +
      `,"rankInGroup":${u.rankInGroup},"rankOverall":${u.rankOverall}}`;
    if ((i + 1) % UNITS_PER_PIECE === 0) {
      yield piece;
      piece = '';
    }
  }
  const rest = resultsToJson({ ...r, units: [] }) as { groups: JsonValue; overall: JsonValue };
  yield `${piece}],"groups":${writeJson(rest.groups)},"overall":${writeJson(rest.overall)}}\n`;
}

/**
 * The same text as renderResultsJson, handed to `write` in pieces of a few thousand
 * units: 100,000 units never make one string nor a tree of JSON values.
 */
export function writeResultsJson(r: Results, write: (text: string) => void): void {
  for (const piece of rankedJsonPieces(r, (u) => unitFiguresJson(u, r.precision))) write(piece);
}

export function renderResultsJson(r: Results): string {
  let text = '';
  writeResultsJson(r, (piece) => void (text += piece));
  return text;
}
