/**
 * Export / import of a criteria framework as JSON (json-file.ts) or as an Excel workbook
 * (xlsx-write.ts, xlsx-read.ts); this file holds what both share: limits, sheet names and
 * columns, the schema of a framework file and how a refusal lists its problems.
 *
 * JSON: the Framework object itself ({name, year, group, sample, nodes}), pretty-printed.
 *   frameworkToJson(f): string
 *   parseFrameworkJson(text): Framework (throws CodedFailure)
 *   writeFrameworkJsonFile(path, f): void
 *   readFrameworkJsonFile(path): Framework
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
 *   parseFrameworkXlsx(data): Promise<Framework>
 *   writeFrameworkXlsxFile(path, f): Promise<void>
 *   readFrameworkXlsxFile(path): Promise<Framework>
 *
 * Every import checks the shape, then validateFramework. A refusal is one CodedError
 * (code FRAMEWORK_IMPORT_*) whose message lists every problem, one per line, each naming
 * the sheet row and column (xlsx) or the JSON path; details: {count, row, column} of the
 * first problem. A round trip (export → import) keeps the canonical hash.
 */
import { GROUP_CODE_PATTERN } from '../../../shared/framework/groups.ts';
import { z } from 'zod';
import { fromNumber, parseDecimal } from '../../../shared/decimal/rational.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { normalizeDecimal } from '../../../shared/framework/canonical.ts';
import { SCORING_KINDS } from '../../../shared/framework/types.ts';
import type { ErrorCode } from '../../../shared/errors/codes.ts';
import { terminatingDecimalText } from '../../../shared/decimal/text.ts';

/** Files above this size are refused before parsing. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 5000;
const MAX_LISTED = 50;

export const SHEET_NODES = 'Bộ tiêu chí';
export const SHEET_INFO = 'Thông tin';

/** Column keys in sheet order, with their Vietnamese headers. */
export const XLSX_COLUMNS = [
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
export type ColumnKey = (typeof XLSX_COLUMNS)[number]['key'];

export const INFO_LABELS = {
  name: 'Tên bộ tiêu chí',
  year: 'Năm',
  group: 'Nhóm đơn vị',
  sample: 'Bộ tiêu chí mẫu',
  hash: 'Mã định danh (SHA-256)',
} as const;

// ---------------------------------------------------------------- problems

export interface Problem {
  readonly code: ErrorCode;
  readonly message: string;
  readonly row?: number;
  readonly column?: string;
}

/** One refusal listing the problems (the first's code, row and column; the count). */
export function refusal(problems: readonly Problem[]): CodedFailure {
  const first = problems[0]!;
  const lines = problems.slice(0, MAX_LISTED).map((p) => p.message);
  if (problems.length > MAX_LISTED) lines.push(`… và ${problems.length - MAX_LISTED} lỗi khác.`);
  return new CodedFailure(first.code, lines.join('\n'), {
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

export const scoringSchema = z.discriminatedUnion('kind', [
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

export const frameworkSchema = z.object({
  name: z.string(),
  year: z.number().int(),
  group: groupSchema,
  sample: z.boolean(),
  nodes: z.array(nodeSchema).max(MAX_ROWS),
});

export function pathText(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? String(p) : `.${String(p)}`;
  return s === '' ? '(gốc)' : s;
}

function missing(issue: z.core.$ZodIssue): boolean {
  return / received undefined$/.test(issue.message);
}

export function issueText(issue: z.core.$ZodIssue): string {
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

/** A JS number at its shortest decimal spelling ("0.1", "17.5"), or null when not finite. */
export function numberToDecimal(x: number): string | null {
  if (!Number.isFinite(x)) return null;
  return terminatingDecimalText(fromNumber(x));
}
