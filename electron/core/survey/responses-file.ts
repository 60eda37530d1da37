/** A responses file: one row per respondent of one survey, tallied to per-unit points with the counts. */
import type { Rational } from '../../../shared/decimal/rational.ts';
import { SURVEY_ERRORS } from '../../../shared/errors/catalogue.ts';
import {
  type SurveySource,
  SURVEY_SOURCE_LABELS,
  SurveyTally,
  optionCountsRecord,
  pointsOfCounts,
} from '../../../shared/report/survey.ts';
import type { Unit } from '../db/repos/units.ts';
import { columnOfHeader } from '../summary/columns.ts';
import { type RawTable, isBlankCell } from '../summary/table.ts';
import { cellText } from './read.ts';
import { getSurveyScale, parsedScale, surveyMaxima } from './scale.ts';
import { unitMatcher } from './units.ts';
import { exactDecimalText } from '../../../shared/decimal/text.ts';
import {
  type SurveyFileContext,
  type SurveyImportPreview,
  type SurveyImportRow,
  storedPrevious,
} from './import-rows.ts';
import { fail, isQuestionHeader } from './file-cells.ts';

/** Aggregates a responses table (exported for the benchmark). */
export function tallyResponses(
  table: RawTable,
  file: string,
  scale: ReturnType<typeof parsedScale>,
  match: (name: string) => Unit | undefined,
  allowUnmatched: boolean,
): { tally: SurveyTally; units: Map<string, Unit>; unmatched: { unit: string; row: number }[] } {
  const headers = table.headers.map((h) => h.trim());
  let unitCol = -1;
  const questions: number[] = [];
  headers.forEach((h, i) => {
    if (unitCol < 0 && columnOfHeader(h) === 'unit') unitCol = i;
    else if (isQuestionHeader(h)) questions.push(i);
  });
  if (unitCol < 0) throw fail(SURVEY_ERRORS.MISSING_COLUMN, file, 'thiếu cột "unit" (Đơn vị).', table.headerRow);
  if (questions.length === 0) {
    throw fail(
      SURVEY_ERRORS.NO_QUESTIONS,
      file,
      'không có cột câu hỏi nào (tiêu đề dạng "Câu 1", "Q1", "C1").',
      table.headerRow,
    );
  }
  const tally = new SurveyTally(scale);
  const units = new Map<string, Unit>();
  const byName = new Map<string, Unit | null>();
  const unmatched: { unit: string; row: number }[] = [];
  const answers = new Array<string>(questions.length);
  for (const r of table.rows) {
    const cells = r.cells;
    const rawName = cells[unitCol] ?? null;
    if (isBlankCell(rawName)) {
      if (cells.every(isBlankCell)) continue;
      throw fail(SURVEY_ERRORS.EMPTY_UNIT, file, 'tên đơn vị để trống.', r.row, headers[unitCol]);
    }
    const name = typeof rawName === 'string' ? rawName : cellText(rawName);
    let unit = byName.get(name);
    if (unit === undefined) {
      unit = match(name.normalize('NFC').replace(/\s+/g, ' ').trim()) ?? null;
      byName.set(name, unit);
    }
    if (unit === null) {
      if (allowUnmatched) {
        unmatched.push({ unit: name.trim(), row: r.row });
        continue;
      }
      throw fail(
        SURVEY_ERRORS.UNKNOWN_UNIT,
        file,
        `đơn vị "${name.trim()}" không có trong kỳ đánh giá.`,
        r.row,
        headers[unitCol],
        name.trim(),
      );
    }
    for (let q = 0; q < questions.length; q++) {
      const c = cells[questions[q]!] ?? null;
      answers[q] = c === null ? '' : typeof c === 'string' ? c : cellText(c);
    }
    const bad = tally.add(unit.id, answers);
    if (bad >= 0) {
      const header = headers[questions[bad]!]!;
      const keys = scale.scale.options.map((o) => o.key).join(', ');
      throw fail(
        SURVEY_ERRORS.UNKNOWN_ANSWER,
        file,
        `câu trả lời "${answers[bad]}" không thuộc thang đo (${keys}).`,
        r.row,
        header,
        answers[bad],
      );
    }
    units.set(unit.id, unit);
  }
  return { tally, units, unmatched };
}

export function responsesFile(
  c: SurveyFileContext,
  table: RawTable,
  source: SurveySource,
): Omit<SurveyImportPreview, 'committed'> & {
  exact: Map<string, Rational>;
  summaries: Map<string, { satisfaction: Rational }>;
} {
  const { db, cycleId, file } = c;
  const scaleDef = getSurveyScale(db, cycleId, source);
  const scale = parsedScale(scaleDef);
  const matcher = unitMatcher(db, cycleId);
  const { tally, units, unmatched } = tallyResponses(
    table,
    file,
    scale,
    (n) => matcher.match(n),
    c.options.allowUnmatched === true,
  );
  const maxima = surveyMaxima(db, cycleId);
  const before = storedPrevious(db, cycleId);
  const rows: SurveyImportRow[] = [];
  const exact = new Map<string, Rational>();
  const summaries = new Map<string, { satisfaction: Rational }>();
  for (const unit of matcher.units) {
    const counts = tally.units.get(unit.id);
    if (!counts || !units.has(unit.id)) continue;
    const max = maxima.get(unit.group)?.[source] ?? null;
    if (max === null) {
      throw fail(
        SURVEY_ERRORS.NOT_IN_FRAMEWORK,
        file,
        `bộ tiêu chí của nhóm đơn vị "${unit.name}" không có tiêu chí ${SURVEY_SOURCE_LABELS[source]}.`,
      );
    }
    const { satisfaction, points } = pointsOfCounts(counts, scale, max);
    exact.set(`${unit.id}/${source}`, points);
    summaries.set(unit.id, { satisfaction });
    rows.push({
      unitId: unit.id,
      unit: unit.name,
      source,
      points: exactDecimalText(points),
      max: exactDecimalText(max),
      respondents: counts.respondents,
      answers: counts.answers,
      blanks: counts.blanks,
      optionCounts: optionCountsRecord(counts, scale),
      satisfaction: exactDecimalText(satisfaction),
      previous: before.get(`${unit.id}/${source}`) ?? null,
    });
  }
  if (rows.length === 0) throw fail(SURVEY_ERRORS.NO_ROWS, file, 'không có phiếu khảo sát nào.');
  const missing = matcher.units
    .filter((u) => maxima.get(u.group)?.[source] && !exact.has(`${u.id}/${source}`))
    .map((u) => ({ unitId: u.id, unit: u.name, source }));
  return {
    cycleId,
    file,
    kind: 'responses',
    source,
    rows,
    unmatched,
    missing,
    respondents: rows.reduce((s, r) => s + (r.respondents ?? 0), 0),
    answers: rows.reduce((s, r) => s + (r.answers ?? 0), 0),
    scale: scaleDef,
    exact,
    summaries,
  };
}
