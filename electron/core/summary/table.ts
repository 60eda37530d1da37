/**
 * From a raw table (header + rows of cells, read from CSV or xlsx) to the units'
 * figures, validated cell by cell. Numbers stay exact: text through parseViNumber →
 * parseDecimal, spreadsheet numbers at their shortest decimal spelling.
 */
import { type Rational, cmp, fromNumber, parseDecimal, sub } from '../../../shared/decimal/rational.ts';
import { formatPoints, parseViNumber } from '../../../shared/format/vi.ts';
import { BENCHMARK_MAX, type SurveyMaxima } from '../../../shared/results/limits.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import type { UnitFigures } from '../../../shared/results/compute.ts';
import {
  type SummaryColumn,
  PRESET_GROUP_LIST,
  SUMMARY_COLUMNS,
  SUMMARY_COLUMN_LABELS,
  columnOfHeader,
  parseUnitGroup,
} from './columns.ts';
import { type SummaryLocation, quoteValue, summaryFailure } from './errors.ts';
import { SUMMARY_ERRORS as E } from '../../../shared/errors/catalogue.ts';

/** A cell that holds something other than text or a number (a date, a boolean, an error…). */
export interface OtherCell {
  readonly other: 'formula_without_result' | 'error' | 'date' | 'boolean';
  /** What the cell shows. */
  readonly display: string;
}
export type RawCell = null | string | number | OtherCell;

export interface RawRow {
  /** 1-based line (CSV) or worksheet row (xlsx). */
  readonly row: number;
  readonly cells: readonly RawCell[];
}

export interface RawTable {
  /** The file's name as messages show it. */
  readonly file: string;
  readonly headerRow: number;
  readonly headers: readonly string[];
  /** Data rows after the header, in file order; blank rows may be included (they are skipped). */
  readonly rows: readonly RawRow[];
}

/** One unit's figures with where they were read. */
export interface LocatedFigures {
  readonly figures: UnitFigures;
  readonly file: string;
  readonly row: number;
  /** The header of the unit column as written in the file. */
  readonly unitColumn: string;
}

export function isBlankCell(c: RawCell): boolean {
  return c === null || (typeof c === 'string' && c.trim() === '');
}

function cellText(c: RawCell): string {
  if (c === null) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return String(c);
  return c.display;
}

/** A unit name as it is kept: NFC, inner white space collapsed, trimmed. */
export function normalizeUnitName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A string that shares no memory with the text it was cut from (V8 keeps a long slice as a view of its parent). */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/** The key under which two unit names are the same unit (case-insensitive). */
export function unitKey(name: string): string {
  return normalizeUnitName(name).toLocaleLowerCase('vi');
}

/** Maps each needed column to its index in the header; throws on a missing or doubled column. */
function locateColumns(table: TableHead): Record<SummaryColumn, number> {
  const found = new Map<SummaryColumn, number>();
  table.headers.forEach((h, i) => {
    const col = columnOfHeader(h);
    if (col === null) return;
    const prev = found.get(col);
    if (prev !== undefined) {
      throw summaryFailure(
        E.DUPLICATE_COLUMN,
        { file: table.file, row: table.headerRow, column: h.trim() },
        `cột này trùng nghĩa với cột "${(table.headers[prev] ?? '').trim()}" (cùng là "${col}"); chỉ giữ một cột.`,
      );
    }
    found.set(col, i);
  });
  const missing = SUMMARY_COLUMNS.filter((c) => !found.has(c));
  if (missing.length > 0) {
    const names = missing.map((c) => `"${c}" (${SUMMARY_COLUMN_LABELS[c]})`).join(', ');
    throw summaryFailure(
      E.MISSING_COLUMN,
      { file: table.file, row: table.headerRow, column: missing[0]! },
      missing.length === 1 ? `thiếu cột ${names}.` : `thiếu các cột ${names}.`,
    );
  }
  return Object.fromEntries(found) as Record<SummaryColumn, number>;
}

function groupName(code: string): string {
  return PRESET_GROUP_LIST.find((g) => g.code === code)?.label ?? code;
}

function groupChoices(): string {
  return PRESET_GROUP_LIST.map((g) => `${g.code} (${g.label})`).join(', ');
}

/** A plain decimal as spreadsheets and the council write it ("48.71"): no need for parseViNumber. */
const PLAIN_DECIMAL = /^\d{1,15}(?:\.\d{1,15})?$/;

/** `where` gives the cell's location, built only for a message. */
function readNumber(cell: RawCell, where: () => SummaryLocation): Rational {
  if (typeof cell === 'string' && PLAIN_DECIMAL.test(cell)) return parseDecimal(cell)!;
  let value: Rational | null = null;
  const at = where();
  if (typeof cell === 'number') {
    value = Number.isFinite(cell) ? fromNumber(cell) : null;
  } else if (typeof cell === 'string') {
    const plain = parseViNumber(cell);
    value = plain === null ? null : parseDecimal(plain);
  } else if (cell !== null && cell.other === 'formula_without_result') {
    throw summaryFailure(
      E.NOT_A_NUMBER,
      at,
      `ô công thức ${quoteValue(cell.display)} chưa có kết quả đã tính; hãy mở và lưu lại tệp bằng Excel.`,
      cell.display,
    );
  }
  if (isBlankCell(cell)) throw summaryFailure(E.NOT_A_NUMBER, at, 'ô để trống, cần một số.', '');
  if (value === null) {
    const text = cellText(cell);
    throw summaryFailure(E.NOT_A_NUMBER, at, `${quoteValue(text)} không phải là số.`, text);
  }
  if (value.n < 0n) {
    const text = cellText(cell).trim();
    throw summaryFailure(E.NEGATIVE_NUMBER, at, `${quoteValue(text)} là số âm; điểm không được âm.`, text);
  }
  return value;
}

/** Refuses a figure above its maximum (SUMMARY_OUT_OF_RANGE), naming file, row and column. */
function atMost(value: Rational, limit: Rational, cell: RawCell, at: () => SummaryLocation, why: string): void {
  if (cmp(value, limit) <= 0) return;
  const text = cellText(cell).trim();
  throw summaryFailure(
    E.OUT_OF_RANGE,
    at(),
    `${quoteValue(text)} lớn hơn mức tối đa ${formatPoints(limit, 6)} (${why}).`,
    text,
  );
}

/** The survey maxima of a unit group (from the cycle's or the sample framework). */
export type SurveyLimits = (group: UnitGroup) => SurveyMaxima;

/** Where a unit was first read, keyed by unitKey; shared across the files of one cycle. */
export type SeenUnits = Map<string, { readonly file: string; readonly row: number }>;

/** A table's header, without its rows: what reading rows one by one needs. */
export type TableHead = Pick<RawTable, 'file' | 'headerRow' | 'headers'>;

/**
 * Validates and converts one row at a time (null for a blank row), checking the header
 * first (missing or doubled column). A unit already in `seen` (this table or an earlier
 * file) is a duplicate. Throws the row's first problem.
 */
export function figuresReader(
  table: TableHead,
  seen: SeenUnits = new Map(),
  limits?: SurveyLimits,
): (r: RawRow) => LocatedFigures | null {
  const cols = locateColumns(table);
  const header = (c: SummaryColumn) => (table.headers[cols[c]] ?? c).trim() || c;
  // A table spells its groups a few ways: each spelling is matched (folded, compared) once.
  const groupOfText = new Map<string, UnitGroup>();
  return (r) => {
    if (r.cells.every(isBlankCell)) return null;
    const cell = (c: SummaryColumn): RawCell => r.cells[cols[c]] ?? null;
    const at = (c: SummaryColumn): SummaryLocation => ({ file: table.file, row: r.row, column: header(c) });

    // Its own copy: a name cut from a file read piece by piece would keep the whole piece alive.
    const unit = ownCopy(normalizeUnitName(cellText(cell('unit'))));
    if (unit === '') throw summaryFailure(E.EMPTY_UNIT, at('unit'), 'tên đơn vị để trống.', '');
    const key = unit.toLocaleLowerCase('vi'); // unitKey(unit): unit is already normalised
    const first = seen.get(key);
    if (first !== undefined) {
      const where = first.file === table.file ? `dòng ${first.row}` : `tệp ${first.file}, dòng ${first.row}`;
      throw summaryFailure(E.DUPLICATE_UNIT, at('unit'), `đơn vị ${quoteValue(unit)} đã có ở ${where}.`, unit);
    }
    seen.set(key, { file: table.file, row: r.row });

    const groupText = cellText(cell('group')).trim();
    let group: UnitGroup | null | undefined = groupOfText.get(groupText);
    if (group === undefined) {
      group = parseUnitGroup(groupText);
      if (group !== null && groupOfText.size < 64) groupOfText.set(groupText, group);
    }
    if (group === null) {
      const what = groupText === '' ? 'nhóm đơn vị để trống' : `${quoteValue(groupText)} không phải là nhóm đơn vị`;
      throw summaryFailure(E.UNKNOWN_GROUP, at('group'), `${what}; dùng một trong: ${groupChoices()}.`, groupText);
    }

    const benchmark = readNumber(cell('benchmark_max'), () => at('benchmark_max'));
    if (benchmark.n === 0n) {
      throw summaryFailure(
        E.ZERO_BENCHMARK,
        at('benchmark_max'),
        'điểm chuẩn tối đa bằng 0, không tính được Chỉ số.',
        cellText(cell('benchmark_max')).trim(),
      );
    }
    atMost(
      benchmark,
      BENCHMARK_MAX,
      cell('benchmark_max'),
      () => at('benchmark_max'),
      'Chỉ số tính trên thang 100 điểm',
    );
    const selfAssessed = readNumber(cell('self_assessed'), () => at('self_assessed'));
    const surveyCbccvc = readNumber(cell('survey_cbccvc'), () => at('survey_cbccvc'));
    const surveySipas = readNumber(cell('survey_sipas'), () => at('survey_sipas'));
    if (limits) {
      const max = limits(group);
      atMost(
        surveyCbccvc,
        max.cbccvc,
        cell('survey_cbccvc'),
        () => at('survey_cbccvc'),
        `điểm tối đa khảo sát CBCCVC của nhóm ${groupName(group)}`,
      );
      atMost(
        surveySipas,
        max.sipas,
        cell('survey_sipas'),
        () => at('survey_sipas'),
        `điểm tối đa Chỉ số SIPAS của nhóm ${groupName(group)}`,
      );
      const selfMax = sub(benchmark, max.cbccvc);
      atMost(
        selfAssessed,
        sub(selfMax, max.sipas),
        cell('self_assessed'),
        () => at('self_assessed'),
        `điểm chuẩn tối đa ${formatPoints(benchmark, 6)} trừ điểm tối đa của hai khảo sát`,
      );
    } else {
      atMost(selfAssessed, benchmark, cell('self_assessed'), () => at('self_assessed'), 'không vượt điểm chuẩn tối đa');
    }
    return {
      figures: { unit, group, benchmark, selfAssessed, surveyCbccvc, surveySipas },
      file: table.file,
      row: r.row,
      unitColumn: header('unit'),
    };
  };
}

/**
 * Validates and converts every non-blank row, in order; the first problem is thrown.
 * A unit already in `seen` (this table or an earlier file) is a duplicate.
 */
export function tableToFigures(table: RawTable, seen: SeenUnits = new Map(), limits?: SurveyLimits): LocatedFigures[] {
  const read = figuresReader(table, seen, limits);
  const out: LocatedFigures[] = [];
  for (const r of table.rows) {
    const f = read(r);
    if (f) out.push(f);
  }
  return out;
}
