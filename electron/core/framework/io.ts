/**
 * Export / import of a criteria framework as JSON or as an Excel workbook (.xlsx).
 *
 * JSON: the Framework object itself ({name, year, group, sample, nodes}), pretty-printed.
 *   frameworkToJson(f): string
 *   parseFrameworkJson(text): Result<Framework>
 *   writeFrameworkJsonFile(path, f): void
 *   readFrameworkJsonFile(path): Result<Framework>
 *
 * xlsx: sheet "Bộ tiêu chí", one row per node, columns
 *   Mã | Mã cha | Tên tiêu chí | Điểm tối đa | Cách chấm | Tham số | Nhóm đơn vị |
 *   Được hạ điểm chuẩn | Hướng dẫn chấm | Tài liệu kiểm chứng
 * ("Điểm tối đa" is a number cell shown as 0.00 and read back at its shortest decimal
 * spelling; "Cách chấm" is the scoring kind code, e.g. timeliness, or its Vietnamese label;
 * "Tham số" is the kind's parameters as JSON, e.g. {"tiers":[…]}; "Nhóm đơn vị" is a
 * comma-separated list of group codes; "Được hạ điểm chuẩn" is Có/Không), and sheet
 * "Thông tin" with name, year, group and sample flag (label in column A, value in B).
 *   frameworkToXlsx(f): Promise<Buffer>
 *   parseFrameworkXlsx(data): Promise<Result<Framework>>
 *   writeFrameworkXlsxFile(path, f): Promise<void>
 *   readFrameworkXlsxFile(path): Promise<Result<Framework>>
 *
 * Every import checks the shape, then validateFramework. A refusal is one CodedError
 * (code FRAMEWORK_IMPORT_*) whose message lists every problem, one per line, each naming
 * the sheet row and column (xlsx) or the JSON path; details: {count, row, column} of the
 * first problem. A round trip (export → import) keeps the canonical hash.
 */
import { GROUP_CODE_PATTERN, GROUP_PRESETS, isGroupPreset } from '../../../shared/framework/groups.ts';
import { FRAMEWORK_IMPORT_ERRORS } from '../../../shared/errors/catalogue.ts';
import { writeFileSync } from 'node:fs';
import { FileReadError, describeFileProblem, readRegularFile } from '../files/regular.ts';
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import { fromNumber, parseDecimal, toFixedHalfUp } from '../../../shared/decimal/rational.ts';
import { type CodedError, type Result, fail, ok } from '../../../shared/errors/codes.ts';
import { normalizeDecimal } from '../../../shared/framework/canonical.ts';
import { compareCodes } from '../../../shared/framework/tree.ts';
import {
  type Framework,
  type FrameworkNode,
  type Scoring,
  type ScoringKind,
  type UnitGroup,
  SCORING_KINDS,
  SCORING_KIND_LABELS,
} from '../../../shared/framework/types.ts';
import { validateFramework } from '../../../shared/framework/validate.ts';
import { FRAMEWORK_ERRORS } from '../../../shared/errors/catalogue.ts';
import { frameworkHash } from './hash.ts';
import type { ErrorCode } from '../../../shared/errors/codes.ts';

/** exceljs is heavy: loaded only by the xlsx functions below, not by the JSON ones. */
async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** Files above this size are refused before parsing. */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 5000;
const MAX_LISTED = 50;

export const SHEET_NODES = 'Bộ tiêu chí';
export const SHEET_INFO = 'Thông tin';

/** Column keys in sheet order, with their Vietnamese headers. */
const XLSX_COLUMNS = [
  { key: 'code', header: 'Mã', width: 9, required: true },
  { key: 'parent', header: 'Mã cha', width: 9, required: true },
  { key: 'title', header: 'Tên tiêu chí', width: 60, required: true },
  { key: 'maxPoints', header: 'Điểm tối đa', width: 12, required: true },
  { key: 'kind', header: 'Cách chấm', width: 20, required: true },
  { key: 'params', header: 'Tham số', width: 50, required: true },
  { key: 'groups', header: 'Nhóm đơn vị', width: 20, required: true },
  { key: 'exemptable', header: 'Được hạ điểm chuẩn', width: 12, required: true },
  { key: 'guide', header: 'Hướng dẫn chấm', width: 70, required: false },
  { key: 'evidence', header: 'Tài liệu kiểm chứng', width: 50, required: false },
] as const;
type ColumnKey = (typeof XLSX_COLUMNS)[number]['key'];

const INFO_LABELS = {
  name: 'Tên bộ tiêu chí',
  year: 'Năm',
  group: 'Nhóm đơn vị',
  sample: 'Bộ tiêu chí mẫu',
  hash: 'Mã định danh (SHA-256)',
} as const;

// ---------------------------------------------------------------- problems

interface Problem {
  readonly code: ErrorCode;
  readonly message: string;
  readonly row?: number;
  readonly column?: string;
}

function refuse(problems: readonly Problem[]): Result<never> {
  const first = problems[0]!;
  const lines = problems.slice(0, MAX_LISTED).map((p) => p.message);
  if (problems.length > MAX_LISTED) lines.push(`… và ${problems.length - MAX_LISTED} lỗi khác.`);
  return fail(first.code, lines.join('\n'), {
    count: problems.length,
    row: first.row ?? null,
    column: first.column ?? null,
  });
}

// ---------------------------------------------------------------- schema (JSON and Tham số)

/** A decimal written as a string ("17.5", "0,25") or a JSON number; normalised to "17.5". */
const decimal = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const text = typeof v === 'number' ? numberToDecimal(v) : v;
  if (text === null || !parseDecimal(text)) {
    ctx.addIssue({ code: 'custom', message: `“${String(v)}” không phải số thập phân` });
    return z.NEVER;
  }
  return normalizeDecimal(text);
});

const scoringSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tick') }),
  z.object({
    kind: z.literal('timeliness'),
    tiers: z.array(z.object({ key: z.string().min(1), label: z.string().min(1), points: decimal })).min(1),
  }),
  z.object({
    kind: z.literal('percentage'),
    thresholds: z.array(z.object({ min: decimal, inclusive: z.boolean(), points: decimal })),
    otherwise: decimal,
  }),
  z.object({ kind: z.literal('proportional') }),
  z.object({
    kind: z.literal('count'),
    tiers: z.array(z.object({ min: z.number().int().min(0), points: decimal })),
    otherwise: decimal,
  }),
  z.object({ kind: z.literal('deduction'), perViolation: decimal, floor: decimal }),
  z.object({ kind: z.literal('survey'), source: z.enum(['cbccvc', 'sipas']) }),
  z.object({
    kind: z.literal('previous_year_delta'),
    tiers: z.array(z.object({ minDelta: decimal, inclusive: z.boolean(), points: decimal })),
    otherwise: decimal,
  }),
]);

const groupSchema = z.string().regex(GROUP_CODE_PATTERN);

const nodeSchema = z.object({
  code: z.string().min(1),
  parent: z.string().min(1).nullable(),
  title: z.string(),
  maxPoints: decimal,
  scoring: scoringSchema.optional(),
  groups: z.array(groupSchema),
  exemptable: z.boolean(),
  guide: z.string().default(''),
  evidence: z.string().default(''),
});

const frameworkSchema = z.object({
  name: z.string(),
  year: z.number().int(),
  group: groupSchema,
  sample: z.boolean(),
  nodes: z.array(nodeSchema).max(MAX_ROWS),
});

function pathText(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? String(p) : `.${String(p)}`;
  return s === '' ? '(gốc)' : s;
}

function missing(issue: z.core.$ZodIssue): boolean {
  return / received undefined$/.test(issue.message);
}

function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return missing(issue) ? 'chưa có giá trị' : `sai kiểu dữ liệu (cần ${vietType(String(issue.expected))})`;
    case 'invalid_value':
      return `giá trị không hợp lệ (chấp nhận: ${issue.values.map((v) => String(v)).join(', ')})`;
    case 'invalid_union': {
      if ('note' in issue && issue.note === 'No matching discriminator')
        return `cách chấm không hợp lệ (chấp nhận: ${SCORING_KINDS.join(', ')})`;
      // The only other union is a decimal: a string or a number.
      if (issue.errors.every((branch) => branch.every(missing))) return 'chưa có giá trị';
      return 'cần một số thập phân, ví dụ "0.5"';
    }
    case 'too_small':
      return issue.origin === 'array'
        ? 'danh sách không được để trống'
        : issue.origin === 'string'
          ? 'không được để trống'
          : 'giá trị quá nhỏ';
    case 'too_big':
      return 'quá nhiều phần tử hoặc giá trị quá lớn';
    case 'custom':
      return issue.message;
    default:
      return 'giá trị không hợp lệ';
  }
}

function vietType(t: string): string {
  return (
    (
      {
        string: 'chuỗi ký tự',
        number: 'số',
        int: 'số nguyên',
        boolean: 'true/false',
        object: 'đối tượng',
        array: 'danh sách',
        null: 'null',
      } as Record<string, string>
    )[t] ?? t
  );
}

// ---------------------------------------------------------------- JSON

/** Pretty JSON of the framework (the same shape as resources/frameworks/*.json). */
export function frameworkToJson(f: Framework): string {
  const nodes = f.nodes.map((n) => ({
    code: n.code,
    parent: n.parent,
    title: n.title,
    maxPoints: n.maxPoints,
    ...(n.scoring ? { scoring: n.scoring } : {}),
    groups: [...n.groups],
    exemptable: n.exemptable,
    guide: n.guide,
    evidence: n.evidence,
  }));
  return `${JSON.stringify({ name: f.name, year: f.year, group: f.group, sample: f.sample, nodes }, null, 2)}\n`;
}

function validated(
  f: Framework,
  where: (node: string | undefined, code: string) => { row?: number; column?: string; prefix: string },
): Result<Framework> {
  const errors = validateFramework(f);
  if (errors.length === 0) return ok(f);
  return refuse(
    errors.map((e: CodedError) => {
      const node = typeof e.details?.['node'] === 'string' ? (e.details['node'] as string) : undefined;
      const at = where(node, e.code);
      return {
        code: FRAMEWORK_IMPORT_ERRORS.INVALID,
        message: `${at.prefix}${e.message} [${e.code}]`,
        ...(at.row !== undefined ? { row: at.row } : {}),
        ...(at.column !== undefined ? { column: at.column } : {}),
      };
    }),
  );
}

/** Parses and validates a framework from JSON text. */
export function parseFrameworkJson(text: string): Result<Framework> {
  if (text.length > MAX_IMPORT_BYTES) {
    return fail(FRAMEWORK_IMPORT_ERRORS.TOO_LARGE, 'Tệp bộ tiêu chí quá lớn (tối đa 10 MB).');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail(FRAMEWORK_IMPORT_ERRORS.JSON, `Tệp không phải JSON hợp lệ: ${(e as Error).message}`);
  }
  const parsed = frameworkSchema.safeParse(raw);
  if (!parsed.success) {
    return refuse(
      parsed.error.issues.map((i) => ({
        code: FRAMEWORK_IMPORT_ERRORS.SCHEMA,
        message: `Trường ${pathText(i.path)}: ${issueText(i)}.`,
      })),
    );
  }
  const f = parsed.data as Framework;
  const index = new Map(f.nodes.map((n, i) => [n.code, i]));
  return validated(f, (node) => ({
    prefix: node !== undefined && index.has(node) ? `Trường nodes[${index.get(node)}]: ` : '',
  }));
}

export function writeFrameworkJsonFile(path: string, f: Framework): void {
  writeFileSync(path, frameworkToJson(f), 'utf8');
}

function frameworkReadFailure(path: string, e: unknown): Result<never> {
  if (e instanceof FileReadError && e.problem.kind === 'too_large')
    return fail(FRAMEWORK_IMPORT_ERRORS.TOO_LARGE, 'Tệp bộ tiêu chí quá lớn (tối đa 10 MB).');
  const why = e instanceof FileReadError ? describeFileProblem(e.problem) : (e as Error).message;
  return fail(FRAMEWORK_IMPORT_ERRORS.FILE, `Không đọc được tệp ${path}: ${why}`);
}

export function readFrameworkJsonFile(path: string): Result<Framework> {
  try {
    return parseFrameworkJson(readRegularFile(path, MAX_IMPORT_BYTES).toString('utf8'));
  } catch (e) {
    return frameworkReadFailure(path, e);
  }
}

// ---------------------------------------------------------------- xlsx: write

/** A JS number at its shortest decimal spelling ("0.1", "17.5"), or null when not finite. */
function numberToDecimal(x: number): string | null {
  if (!Number.isFinite(x)) return null;
  const r = fromNumber(x);
  let places = 0;
  while (10n ** BigInt(places) % r.d !== 0n) places++;
  return normalizeDecimal(toFixedHalfUp(r, places));
}

function decimalPlaces(text: string): number {
  const i = text.indexOf('.');
  return i < 0 ? 0 : text.length - i - 1;
}

function scoringParams(s: Scoring | undefined): string {
  if (!s) return '';
  const { kind: _kind, ...rest } = s as Scoring & Record<string, unknown>;
  return Object.keys(rest).length === 0 ? '' : JSON.stringify(rest);
}

/** The workbook as an .xlsx buffer. */
export async function frameworkToXlsx(f: Framework): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'Thẩm định Chỉ số CCHC';
  wb.created = new Date(Date.UTC(f.year, 0, 1));
  const ws = wb.addWorksheet(SHEET_NODES, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = XLSX_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  const kinds = `"${SCORING_KINDS.join(',')}"`;
  const nodes = [...f.nodes].sort((a, b) => compareCodes(a.code, b.code));
  for (const n of nodes) {
    const max = parseDecimal(n.maxPoints);
    const row = ws.addRow({
      code: n.code,
      parent: n.parent ?? '',
      title: n.title,
      maxPoints: max ? Number(normalizeDecimal(n.maxPoints)) : n.maxPoints,
      kind: n.scoring?.kind ?? '',
      params: scoringParams(n.scoring),
      groups: n.groups.join(', '),
      exemptable: n.exemptable ? 'Có' : 'Không',
      guide: n.guide,
      evidence: n.evidence,
    });
    row.getCell('code').numFmt = '@';
    row.getCell('parent').numFmt = '@';
    const places = decimalPlaces(normalizeDecimal(n.maxPoints));
    row.getCell('maxPoints').numFmt = places <= 2 ? '0.00' : `0.${'0'.repeat(places)}`;
    row.getCell('kind').dataValidation = { type: 'list', allowBlank: true, formulae: [kinds] };
    row.getCell('exemptable').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Có,Không"'] };
    for (const k of ['title', 'guide', 'evidence', 'params'] as const)
      row.getCell(k).alignment = { wrapText: true, vertical: 'top' };
    if (n.parent === null) row.font = { bold: true };
  }
  const info = wb.addWorksheet(SHEET_INFO);
  info.columns = [
    { header: 'Thông tin', key: 'label', width: 28 },
    { header: 'Giá trị', key: 'value', width: 60 },
    { header: 'Ghi chú', key: 'note', width: 40 },
  ];
  info.getRow(1).font = { bold: true };
  info.addRow({ label: INFO_LABELS.name, value: f.name });
  info.addRow({ label: INFO_LABELS.year, value: f.year });
  info.addRow({
    label: INFO_LABELS.group,
    value: f.group,
    note: isGroupPreset(f.group) ? GROUP_PRESETS[f.group].label : '',
  });
  info.addRow({ label: INFO_LABELS.sample, value: f.sample ? 'Có' : 'Không' });
  info.addRow({ label: INFO_LABELS.hash, value: frameworkHash(f), note: 'Chỉ để đối chiếu; được tính lại khi nhập.' });
  const groupsNote = `mã nhóm của kỳ đánh giá (chữ thường không dấu, số, “_”), ví dụ: ${Object.values(GROUP_PRESETS)
    .map((g) => `${g.code} = ${g.label}`)
    .join('; ')}`;
  info.addRow({ label: 'Mã nhóm đơn vị', value: groupsNote });
  info.addRow({
    label: 'Mã cách chấm',
    value: SCORING_KINDS.map((k) => `${k} = ${SCORING_KIND_LABELS[k]}`).join('; '),
  });
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export async function writeFrameworkXlsxFile(path: string, f: Framework): Promise<void> {
  writeFileSync(path, await frameworkToXlsx(f));
}

// ---------------------------------------------------------------- xlsx: read

type Plain = string | number | boolean | null;

/** A cell's value reduced to text / number / boolean / null (rich text joined, formula results). */
function plain(v: ExcelJS.CellValue | undefined): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v)
      return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in v && 'text' in v) return plain((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return null;
  }
  return null;
}

function text(v: Plain): string {
  if (v === null) return '';
  if (typeof v === 'number') return numberToDecimal(v) ?? String(v);
  return String(v).trim();
}

const fold = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

const KIND_BY_TEXT = new Map<string, ScoringKind>([
  ...SCORING_KINDS.map((k) => [fold(k), k] as const),
  ...SCORING_KINDS.map((k) => [fold(SCORING_KIND_LABELS[k]), k] as const),
]);
const PRESET_BY_LABEL = new Map<string, UnitGroup>(
  Object.values(GROUP_PRESETS).map((g) => [fold(g.label), g.code] as const),
);
/** A group code as written ("commune"), or a preset's Vietnamese label ("UBND cấp huyện"). */
const GROUP_BY_TEXT = {
  get(text: string): UnitGroup | undefined {
    const t = text.trim();
    if (GROUP_CODE_PATTERN.test(t)) return t;
    if (GROUP_CODE_PATTERN.test(t.toLowerCase())) return t.toLowerCase();
    return PRESET_BY_LABEL.get(text);
  },
};
const YES = new Set(['có', 'co', 'x', 'true', '1', 'yes', 'đúng']);
const NO = new Set(['không', 'khong', '', 'false', '0', 'no', 'sai']);

function columnLetter(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Parses an .xlsx (buffer) exported by frameworkToXlsx or written by hand in the same layout. */
export async function parseFrameworkXlsx(data: Uint8Array | ArrayBuffer): Promise<Result<Framework>> {
  const size = data instanceof ArrayBuffer ? data.byteLength : data.byteLength;
  if (size > MAX_IMPORT_BYTES)
    return fail(FRAMEWORK_IMPORT_ERRORS.TOO_LARGE, 'Tệp bộ tiêu chí quá lớn (tối đa 10 MB).');
  const wb = new (await excel()).Workbook();
  try {
    const buf =
      data instanceof ArrayBuffer ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    return fail(FRAMEWORK_IMPORT_ERRORS.FILE, `Không đọc được tệp Excel (.xlsx): ${(e as Error).message}`);
  }
  const ws = wb.worksheets.find((s) => fold(s.name) === fold(SHEET_NODES));
  if (!ws) return fail(FRAMEWORK_IMPORT_ERRORS.SHEET, `Tệp không có trang tính “${SHEET_NODES}”.`);
  const infoWs = wb.worksheets.find((s) => fold(s.name) === fold(SHEET_INFO));
  if (!infoWs) return fail(FRAMEWORK_IMPORT_ERRORS.SHEET, `Tệp không có trang tính “${SHEET_INFO}”.`);

  const problems: Problem[] = [];
  const at = (sheet: string, row: number, col: number, header: string) =>
    `Trang “${sheet}”, dòng ${row}, cột ${columnLetter(col)} (${header})`;

  // --- Thông tin
  const info = new Map<string, { value: Plain; row: number }>();
  infoWs.eachRow((row, r) => {
    const label = fold(text(plain(row.getCell(1).value)));
    if (label) info.set(label, { value: plain(row.getCell(2).value), row: r });
  });
  const infoCell = (label: string) => info.get(fold(label));
  const infoProblem = (label: string, what: string) => {
    const c = infoCell(label);
    problems.push({
      code: FRAMEWORK_IMPORT_ERRORS.INFO,
      message: c ? `${at(SHEET_INFO, c.row, 2, label)}: ${what}` : `Trang “${SHEET_INFO}”: thiếu dòng “${label}”.`,
      ...(c ? { row: c.row, column: 'B' } : {}),
    });
  };
  const name = text(infoCell(INFO_LABELS.name)?.value ?? null);
  if (!name) infoProblem(INFO_LABELS.name, 'chưa có tên bộ tiêu chí.');
  const yearText = text(infoCell(INFO_LABELS.year)?.value ?? null);
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!Number.isInteger(year)) infoProblem(INFO_LABELS.year, `năm “${yearText}” không hợp lệ (cần 4 chữ số).`);
  const groupText = text(infoCell(INFO_LABELS.group)?.value ?? null);
  const group = GROUP_BY_TEXT.get(groupText) ?? GROUP_BY_TEXT.get(fold(groupText));
  if (!group)
    infoProblem(
      INFO_LABELS.group,
      `nhóm đơn vị “${groupText}” không hợp lệ (cần mã nhóm như commune, department hoặc tên nhóm mẫu).`,
    );
  const sampleText = fold(text(infoCell(INFO_LABELS.sample)?.value ?? null));
  const sample = YES.has(sampleText) ? true : NO.has(sampleText) ? false : null;
  if (sample === null) infoProblem(INFO_LABELS.sample, `cần ghi “Có” hoặc “Không”.`);

  // --- header
  const colOf = new Map<ColumnKey, number>();
  const header = ws.getRow(1);
  header.eachCell((cell, c) => {
    const h = fold(text(plain(cell.value)));
    const col = XLSX_COLUMNS.find((x) => fold(x.header) === h);
    if (col && !colOf.has(col.key)) colOf.set(col.key, c);
  });
  const missing = XLSX_COLUMNS.filter((c) => c.required && !colOf.has(c.key));
  if (missing.length > 0) {
    return refuse(
      missing.map((c) => ({
        code: FRAMEWORK_IMPORT_ERRORS.HEADER,
        message: `Trang “${SHEET_NODES}”, dòng 1: thiếu cột “${c.header}”.`,
        row: 1,
      })),
    );
  }
  if (ws.rowCount > MAX_ROWS + 1)
    return fail(FRAMEWORK_IMPORT_ERRORS.TOO_LARGE, `Trang “${SHEET_NODES}” có quá nhiều dòng (tối đa ${MAX_ROWS}).`);

  // --- rows
  const nodes: FrameworkNode[] = [];
  const rowOfCode = new Map<string, number>();
  const headerOf = (k: ColumnKey) => XLSX_COLUMNS.find((c) => c.key === k)!.header;
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (k: ColumnKey): Plain => {
      const c = colOf.get(k);
      return c === undefined ? null : plain(row.getCell(c).value);
    };
    const cellProblem = (k: ColumnKey, what: string, code: ErrorCode = FRAMEWORK_IMPORT_ERRORS.CELL) => {
      const c = colOf.get(k)!;
      problems.push({
        code,
        message: `${at(SHEET_NODES, r, c, headerOf(k))}: ${what}`,
        row: r,
        column: columnLetter(c),
      });
    };
    const values = XLSX_COLUMNS.map((c) => get(c.key));
    if (values.every((v) => v === null || text(v) === '')) continue;

    const code = text(get('code'));
    if (!code) cellProblem('code', 'chưa có mã tiêu chí.');
    const parentText = text(get('parent'));
    const title = text(get('title'));

    let maxPoints = '';
    const maxRaw = get('maxPoints');
    if (typeof maxRaw === 'number') {
      const d = numberToDecimal(maxRaw);
      if (d === null || maxRaw < 0) cellProblem('maxPoints', `điểm tối đa “${String(maxRaw)}” không hợp lệ.`);
      else maxPoints = d;
    } else {
      const t = text(maxRaw);
      if (!t) cellProblem('maxPoints', 'chưa có điểm tối đa.');
      else if (!parseDecimal(t) || t.startsWith('-'))
        cellProblem('maxPoints', `điểm tối đa “${t}” không phải số thập phân không âm.`);
      else maxPoints = normalizeDecimal(t);
    }

    let scoring: Scoring | undefined;
    const kindText = text(get('kind'));
    const paramsText = text(get('params'));
    if (kindText) {
      const kind = KIND_BY_TEXT.get(fold(kindText));
      if (!kind) cellProblem('kind', `cách chấm “${kindText}” không hợp lệ (chấp nhận: ${SCORING_KINDS.join(', ')}).`);
      else {
        let params: unknown = {};
        let paramsOk = true;
        if (paramsText) {
          try {
            params = JSON.parse(paramsText);
          } catch (e) {
            paramsOk = false;
            cellProblem(
              'params',
              `tham số không phải JSON hợp lệ (${(e as Error).message}).`,
              FRAMEWORK_IMPORT_ERRORS.PARAMS,
            );
          }
          if (paramsOk && (typeof params !== 'object' || params === null || Array.isArray(params))) {
            paramsOk = false;
            cellProblem(
              'params',
              'tham số phải là một đối tượng JSON, ví dụ {"tiers":[…]}.',
              FRAMEWORK_IMPORT_ERRORS.PARAMS,
            );
          }
        }
        if (paramsOk) {
          const parsed = scoringSchema.safeParse({ ...(params as object), kind });
          if (!parsed.success) {
            for (const i of parsed.error.issues) {
              cellProblem('params', `${pathText(i.path)}: ${issueText(i)}.`, FRAMEWORK_IMPORT_ERRORS.PARAMS);
            }
          } else scoring = parsed.data as Scoring;
        }
      }
    } else if (paramsText) {
      cellProblem('params', 'có tham số nhưng chưa chọn cách chấm.', FRAMEWORK_IMPORT_ERRORS.PARAMS);
    }

    const groupsText = text(get('groups'));
    const groups: UnitGroup[] = [];
    if (!groupsText) {
      if (group) groups.push(group);
    } else {
      for (const part of groupsText.split(/[,;]/)) {
        if (part.trim() === '') continue;
        const g = GROUP_BY_TEXT.get(part) ?? GROUP_BY_TEXT.get(fold(part));
        if (!g)
          cellProblem('groups', `nhóm đơn vị “${part.trim()}” không hợp lệ (cần mã nhóm như commune, department).`);
        else groups.push(g);
      }
    }

    const exText = fold(text(get('exemptable')));
    const exemptable = YES.has(exText) ? true : NO.has(exText) ? false : null;
    if (exemptable === null)
      cellProblem('exemptable', `cần ghi “Có” hoặc “Không” (đã ghi “${text(get('exemptable'))}”).`);

    if (code && !rowOfCode.has(code)) rowOfCode.set(code, r);
    nodes.push({
      code,
      parent: parentText === '' ? null : parentText,
      title,
      maxPoints,
      ...(scoring ? { scoring } : {}),
      groups,
      exemptable: exemptable ?? false,
      guide: text(get('guide')),
      evidence: text(get('evidence')),
    });
  }
  if (problems.length > 0) return refuse(problems);

  const f: Framework = { name, year, group: group!, sample: sample!, nodes };
  const columnFor = (code: string): ColumnKey | null => {
    switch (code) {
      case FRAMEWORK_ERRORS.BAD_CODE:
      case FRAMEWORK_ERRORS.DUPLICATE_CODE:
        return 'code';
      case FRAMEWORK_ERRORS.MISSING_PARENT:
      case FRAMEWORK_ERRORS.CODE_NOT_UNDER_PARENT:
      case FRAMEWORK_ERRORS.CYCLE:
      case FRAMEWORK_ERRORS.ROOT_NOT_FIELD:
        return 'parent';
      case FRAMEWORK_ERRORS.EMPTY_TITLE:
        return 'title';
      case FRAMEWORK_ERRORS.BAD_MAX:
      case FRAMEWORK_ERRORS.MAX_MISMATCH:
        return 'maxPoints';
      case FRAMEWORK_ERRORS.LEAF_WITHOUT_SCORING:
      case FRAMEWORK_ERRORS.INNER_WITH_SCORING:
      case FRAMEWORK_ERRORS.DUPLICATE_SURVEY:
        return 'kind';
      case FRAMEWORK_ERRORS.BAD_POINTS:
      case FRAMEWORK_ERRORS.BAD_SCORING:
        return 'params';
      case FRAMEWORK_ERRORS.GROUP_NOT_IN_PARENT:
      case FRAMEWORK_ERRORS.BAD_UNIT_GROUP:
        return 'groups';
      default:
        return null;
    }
  };
  return validated(f, (node, code) => {
    const row = node !== undefined ? rowOfCode.get(node) : undefined;
    const key = columnFor(code);
    if (row === undefined) return { prefix: `Trang “${SHEET_NODES}”: ` };
    if (!key) return { row, prefix: `Trang “${SHEET_NODES}”, dòng ${row}: ` };
    const c = colOf.get(key)!;
    return { row, column: columnLetter(c), prefix: `${at(SHEET_NODES, row, c, headerOf(key))}: ` };
  });
}

export async function readFrameworkXlsxFile(path: string): Promise<Result<Framework>> {
  let data: Buffer;
  try {
    data = readRegularFile(path, MAX_IMPORT_BYTES);
  } catch (e) {
    return frameworkReadFailure(path, e);
  }
  return parseFrameworkXlsx(data);
}
