/**
 * Importing sociological survey points (điểm ĐTXHH) into a cycle, from .csv or .xlsx:
 *
 * - kind 'points': one row per unit with its points per survey (columns unit + survey_cbccvc
 *   and/or survey_sipas, headers in English or in the report's Vietnamese), optionally the
 *   respondents (respondents_cbccvc / "Số phiếu CBCCVC"…);
 * - kind 'responses': one row per respondent of one survey (--source), a unit column and
 *   question columns ("Câu 1", "Q1", "C1"…) holding the options of the scale (A, B, C, D),
 *   aggregated to per-unit points with the counts (see shared/report/survey.ts).
 *
 * The same call previews (commit false) and imports (commit true): every row is checked
 * first and the first problem is a coded Vietnamese error naming file, row and column;
 * the import is one transaction (survey points, response summaries, audit rows).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  type Rational,
  cmp,
  deserialize,
  fromNumber,
  parseDecimal,
  serialize,
} from '../../../shared/decimal/rational.ts';
import { SURVEY_ERRORS } from '../../../shared/errors/catalogue.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { parseViNumber } from '../../../shared/format/vi.ts';
import {
  type SurveyScale,
  type SurveySource,
  SURVEY_SOURCES,
  SURVEY_SOURCE_LABELS,
  SurveyTally,
  optionCountsRecord,
  pointsOfCounts,
} from '../../../shared/report/survey.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import {
  listCycleSurveyPoints,
  listResponseSummaries,
  putResponseSummary,
  putSurveyPoints,
} from '../db/repos/survey.ts';
import type { Unit } from '../db/repos/units.ts';
import { requireCycle } from '../results/cycle-totals.ts';
import { columnOfHeader, foldKey } from '../summary/columns.ts';
import { type RawCell, type RawTable, isBlankCell } from '../summary/table.ts';
import { cellText, readRawTable } from './read.ts';
import { getSurveyScale, parsedScale, surveyMaxima } from './scale.ts';
import { unitMatcher } from './units.ts';
import type { ErrorCode } from '../../../shared/errors/codes.ts';
import { type DecimalText, exactDecimalText } from '../../../shared/decimal/text.ts';

export type SurveyImportKind = 'points' | 'responses';

export interface SurveyImportOptions {
  /** Default: 'responses' when the file has question columns, else 'points'. */
  readonly kind?: SurveyImportKind;
  /** The survey of a responses file (required then). */
  readonly source?: SurveySource;
  readonly commit?: boolean;
  readonly actor?: string;
  /** Skip rows of units that are not in the cycle instead of refusing the file. */
  readonly allowUnmatched?: boolean;
  /** The name messages show (default: the path). */
  readonly fileName?: string;
}

interface SurveyImportRow {
  readonly unitId: string;
  readonly unit: string;
  readonly source: SurveySource;
  readonly points: DecimalText;
  readonly max: DecimalText;
  readonly respondents: number | null;
  /** Responses only. */
  readonly answers?: number;
  readonly blanks?: number;
  readonly optionCounts?: Readonly<Record<string, number>>;
  /** Mean weight of the answers, 0–1 (responses only). */
  readonly satisfaction?: DecimalText;
  /** What the store held before. */
  readonly previous: { readonly points: DecimalText; readonly respondents: number | null } | null;
}

export interface SurveyImportPreview {
  readonly cycleId: string;
  readonly file: string;
  readonly kind: SurveyImportKind;
  readonly source: SurveySource | null;
  readonly rows: readonly SurveyImportRow[];
  /** Rows skipped with allowUnmatched. */
  readonly unmatched: readonly { readonly unit: string; readonly row: number }[];
  /** Units of the cycle the file gives no points for (per source imported). */
  readonly missing: readonly { readonly unitId: string; readonly unit: string; readonly source: SurveySource }[];
  readonly respondents: number;
  readonly answers: number;
  readonly scale: SurveyScale | null;
  readonly committed: boolean;
}

const RESPONDENT_ALIASES: Readonly<Record<SurveySource, readonly string[]>> = {
  cbccvc: [
    'respondents_cbccvc',
    'respondents cbccvc',
    'Số phiếu CBCCVC',
    'Số người khảo sát CBCCVC',
    'Số CBCCVC khảo sát',
    'Số phiếu khảo sát CBCCVC',
  ],
  sipas: [
    'respondents_sipas',
    'respondents sipas',
    'Số phiếu SIPAS',
    'Số người khảo sát SIPAS',
    'Số phiếu khảo sát SIPAS',
  ],
};
const RESPONDENT_KEYS = new Map(
  SURVEY_SOURCES.flatMap((s) => RESPONDENT_ALIASES[s].map((a) => [foldKey(a), s] as const)),
);

const QUESTION_RE = /^(cau|cauhoi|c|q|question|tieuchi)\d+[a-z]?$/;

/** Whether a header names a question column ("Câu 1", "Q12", "C3a"). */
function isQuestionHeader(header: string): boolean {
  return QUESTION_RE.test(foldKey(header));
}

function where(file: string, row?: number, column?: string): string {
  return `Tệp ${file}${row !== undefined ? `, dòng ${row}` : ''}${column !== undefined ? `, cột "${column}"` : ''}`;
}

function fail(
  code: ErrorCode,
  file: string,
  what: string,
  row?: number,
  column?: string,
  value?: string,
): CodedFailure {
  const details: Record<string, string | number> = { file };
  if (row !== undefined) details['row'] = row;
  if (column !== undefined) details['column'] = column;
  if (value !== undefined) details['value'] = value;
  return new CodedFailure(code, `${where(file, row, column)}: ${what}`, details);
}

function readPoints(cell: RawCell, file: string, row: number, column: string): Rational {
  let v: Rational | null = null;
  if (typeof cell === 'number') v = Number.isFinite(cell) ? fromNumber(cell) : null;
  else if (typeof cell === 'string') {
    const plain = parseViNumber(cell);
    v = plain === null ? null : parseDecimal(plain);
  }
  if (v === null)
    throw fail(SURVEY_ERRORS.NOT_A_NUMBER, file, `"${cellText(cell)}" không phải là số.`, row, column, cellText(cell));
  if (v.n < 0n)
    throw fail(
      SURVEY_ERRORS.POINTS_RANGE,
      file,
      `"${cellText(cell)}" là số âm; điểm không được âm.`,
      row,
      column,
      cellText(cell),
    );
  return v;
}

function readCount(cell: RawCell, file: string, row: number, column: string): number | null {
  if (isBlankCell(cell)) return null;
  const t = cellText(cell).trim().replace(/\./g, '');
  if (!/^\d+$/.test(t) || !Number.isSafeInteger(Number(t))) {
    throw fail(
      SURVEY_ERRORS.BAD_RESPONDENTS,
      file,
      `số phiếu "${cellText(cell)}" phải là số nguyên không âm.`,
      row,
      column,
      cellText(cell),
    );
  }
  return Number(t);
}

interface Context {
  readonly db: Db;
  readonly cycleId: string;
  readonly file: string;
  readonly options: SurveyImportOptions;
}

function prevText(points: string): DecimalText {
  return exactDecimalText(deserialize(points));
}

function storedPrevious(db: Db, cycleId: string): Map<string, { points: DecimalText; respondents: number | null }> {
  return new Map(
    listCycleSurveyPoints(db, cycleId).map((p) => [
      `${p.unitId}/${p.source}`,
      { points: prevText(p.points), respondents: p.respondents },
    ]),
  );
}

function pointsFile(
  c: Context,
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

function responsesFile(
  c: Context,
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

/** Reads, checks and (with commit) imports a survey file into the cycle. */
export async function importSurveyFile(
  db: Db,
  cycleId: string,
  path: string,
  options: SurveyImportOptions = {},
): Promise<SurveyImportPreview> {
  const cycle = requireCycle(db, cycleId);
  const file = options.fileName ?? path;
  const table = await readRawTable(path, file, 'SURVEY');
  const kind: SurveyImportKind = options.kind ?? (table.headers.some(isQuestionHeader) ? 'responses' : 'points');
  const ctx: Context = { db, cycleId, file, options };
  let preview: ReturnType<typeof pointsFile> & { summaries?: Map<string, { satisfaction: Rational }> };
  if (kind === 'responses') {
    if (!options.source)
      throw new CodedFailure(
        SURVEY_ERRORS.SOURCE_REQUIRED,
        'Tệp phiếu khảo sát cần chỉ rõ cuộc khảo sát: cbccvc (Khảo sát CBCCVC) hoặc sipas (Chỉ số SIPAS).',
      );
    preview = responsesFile(ctx, table, options.source);
  } else {
    preview = pointsFile(ctx, table);
  }
  const { exact, summaries, ...view } = preview;
  if (!options.commit) return { ...view, committed: false };
  if (cycle.status === 'finalised') {
    throw new CodedFailure(
      SURVEY_ERRORS.CYCLE_FINALISED,
      `Kỳ đánh giá “${cycle.name}” đã chốt kết quả; không thể nhập điểm khảo sát.`,
    );
  }
  const actor = options.actor ?? 'secretariat';
  const at = new Date().toISOString();
  // The file's hash in every audit row of the import (the file was read whole above, within its size cap).
  const fileSha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
  tx(db, () => {
    for (const r of view.rows) {
      const points = exact.get(`${r.unitId}/${r.source}`)!;
      putSurveyPoints(db, {
        unitId: r.unitId,
        source: r.source,
        points: serialize(points),
        respondents: r.respondents,
        importedAt: at,
      });
      if (view.kind === 'responses') {
        putResponseSummary(db, {
          unitId: r.unitId,
          source: r.source,
          respondents: r.respondents ?? 0,
          answers: r.answers ?? 0,
          blanks: r.blanks ?? 0,
          optionCounts: JSON.stringify(r.optionCounts ?? {}),
          satisfaction: serialize(summaries!.get(r.unitId)!.satisfaction),
          points: serialize(points),
          scale: JSON.stringify(view.scale),
          file,
          importedAt: at,
        });
      }
      appendAudit(db, {
        actor,
        action: 'survey.import',
        entity: 'survey_points',
        entityId: `${r.unitId}/${r.source}`,
        before: r.previous,
        after: { points: serialize(points), respondents: r.respondents, kind: view.kind, fileSha256 },
        reason: `Nhập từ tệp ${file}`,
        at,
      });
    }
  });
  return { ...view, committed: true };
}

/** What an import of raw responses stored, per unit and source (for the screens' counts). */
export interface SurveyResponseSummary {
  readonly unitId: string;
  readonly source: SurveySource;
  readonly respondents: number;
  readonly answers: number;
  readonly blanks: number;
  readonly optionCounts: Readonly<Record<string, number>>;
  readonly satisfaction: DecimalText;
  readonly points: DecimalText;
  readonly file: string;
  readonly importedAt: string;
}

export function surveyResponseSummaries(db: Db, cycleId: string): SurveyResponseSummary[] {
  return listResponseSummaries(db, cycleId).map((r) => ({
    ...r,
    optionCounts: JSON.parse(r.optionCounts) as Record<string, number>,
    satisfaction: prevText(r.satisfaction),
    points: prevText(r.points),
  }));
}
