/**
 * A points file: one row per unit with its points per survey (and optionally the respondents), checked against the
 * framework's maxima.
 */
import { type Rational, cmp } from '../../../shared/decimal/rational.ts';
import { SURVEY_ERRORS } from '../../../shared/errors/catalogue.ts';
import { type SurveySource, SURVEY_SOURCE_LABELS } from '../../../shared/report/survey.ts';
import { columnOfHeader, foldKey } from '../summary/columns.ts';
import { type RawTable, isBlankCell } from '../summary/table.ts';
import { cellText } from './read.ts';
import { surveyMaxima } from './scale.ts';
import { unitMatcher } from './units.ts';
import { exactDecimalText } from '../../../shared/decimal/text.ts';
import {
  type SurveyFileContext,
  type SurveyImportPreview,
  type SurveyImportRow,
  storedPrevious,
} from './import-rows.ts';
import { RESPONDENT_KEYS, fail, readCount, readPoints } from './file-cells.ts';

export function pointsFile(
  c: SurveyFileContext,
  table: RawTable,
): Omit<SurveyImportPreview, 'committed'> & { exact: Map<string, Rational> } {
  const { db, cycleId, file } = c;
  const headers = table.headers.map((h) => h.trim());
  let unitCol = -1;
  const pointCols = new Map<SurveySource, number>();
  const respCols = new Map<SurveySource, number>();
  headers.forEach((h, i) => {
    const col = columnOfHeader(h);
    if (col === 'unit' && unitCol < 0) unitCol = i;
    else if (col === 'survey_cbccvc') pointCols.set('cbccvc', i);
    else if (col === 'survey_sipas') pointCols.set('sipas', i);
    else {
      const s = RESPONDENT_KEYS.get(foldKey(h));
      if (s) respCols.set(s, i);
    }
  });
  if (unitCol < 0) throw fail(SURVEY_ERRORS.MISSING_COLUMN, file, 'thiếu cột "unit" (Đơn vị).', table.headerRow);
  if (pointCols.size === 0) {
    throw fail(
      SURVEY_ERRORS.MISSING_COLUMN,
      file,
      'thiếu cột điểm khảo sát: "survey_cbccvc" (Khảo sát CBCCVC) và/hoặc "survey_sipas" (Chỉ số SIPAS).',
      table.headerRow,
    );
  }
  const matcher = unitMatcher(db, cycleId);
  const maxima = surveyMaxima(db, cycleId);
  const before = storedPrevious(db, cycleId);
  const seen = new Map<string, number>();
  const rows: SurveyImportRow[] = [];
  const exact = new Map<string, Rational>();
  const unmatched: { unit: string; row: number }[] = [];
  for (const r of table.rows) {
    if (r.cells.every(isBlankCell)) continue;
    const name = cellText(r.cells[unitCol] ?? null)
      .normalize('NFC')
      .replace(/\s+/g, ' ')
      .trim();
    const unitHeader = headers[unitCol]!;
    if (name === '') throw fail(SURVEY_ERRORS.EMPTY_UNIT, file, 'tên đơn vị để trống.', r.row, unitHeader);
    const unit = matcher.match(name);
    if (!unit) {
      if (c.options.allowUnmatched) {
        unmatched.push({ unit: name, row: r.row });
        continue;
      }
      throw fail(
        SURVEY_ERRORS.UNKNOWN_UNIT,
        file,
        `đơn vị "${name}" không có trong kỳ đánh giá.`,
        r.row,
        unitHeader,
        name,
      );
    }
    const first = seen.get(unit.id);
    if (first !== undefined)
      throw fail(
        SURVEY_ERRORS.DUPLICATE_UNIT,
        file,
        `đơn vị "${name}" đã có ở dòng ${first}.`,
        r.row,
        unitHeader,
        name,
      );
    seen.set(unit.id, r.row);
    for (const [source, col] of pointCols) {
      const cell = r.cells[col] ?? null;
      if (isBlankCell(cell)) continue;
      const header = headers[col]!;
      const points = readPoints(cell, file, r.row, header);
      const max = maxima.get(unit.group)?.[source] ?? null;
      if (max === null) {
        throw fail(
          SURVEY_ERRORS.NOT_IN_FRAMEWORK,
          file,
          `bộ tiêu chí của nhóm đơn vị "${unit.name}" không có tiêu chí ${SURVEY_SOURCE_LABELS[source]}.`,
          r.row,
          header,
        );
      }
      if (cmp(points, max) > 0) {
        throw fail(
          SURVEY_ERRORS.POINTS_RANGE,
          file,
          `điểm ${cellText(cell)} vượt điểm tối đa ${exactDecimalText(max).replace('.', ',')} của ${SURVEY_SOURCE_LABELS[source]}.`,
          r.row,
          header,
          cellText(cell),
        );
      }
      const rc = respCols.get(source);
      const respondents = rc === undefined ? null : readCount(r.cells[rc] ?? null, file, r.row, headers[rc]!);
      exact.set(`${unit.id}/${source}`, points);
      rows.push({
        unitId: unit.id,
        unit: unit.name,
        source,
        points: exactDecimalText(points),
        max: exactDecimalText(max),
        respondents,
        previous: before.get(`${unit.id}/${source}`) ?? null,
      });
    }
  }
  if (rows.length === 0) throw fail(SURVEY_ERRORS.NO_ROWS, file, 'không có dòng điểm khảo sát nào.');
  const sources = [...pointCols.keys()];
  const missing = matcher.units.flatMap((u) =>
    sources
      .filter((s) => maxima.get(u.group)?.[s] && !exact.has(`${u.id}/${s}`))
      .map((s) => ({ unitId: u.id, unit: u.name, source: s })),
  );
  return {
    cycleId,
    file,
    kind: 'points',
    source: sources.length === 1 ? sources[0]! : null,
    rows,
    unmatched,
    missing,
    respondents: rows.reduce((s, r) => s + (r.respondents ?? 0), 0),
    answers: 0,
    scale: null,
    exact,
  };
}
