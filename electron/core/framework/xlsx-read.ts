/** Reading a criteria framework from an Excel workbook: every cell checked, every problem named by sheet, row and column. */
import { GROUP_CODE_PATTERN, GROUP_PRESETS } from '../../../shared/framework/groups.ts';
import { FRAMEWORK_IMPORT_ERRORS } from '../../../shared/errors/catalogue.ts';
import { readRegularFile } from '../files/regular.ts';
import type ExcelJS from 'exceljs';
import { parseDecimal } from '../../../shared/decimal/rational.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { normalizeDecimal } from '../../../shared/framework/canonical.ts';
import {
  type Framework,
  type FrameworkNode,
  type Scoring,
  type ScoringKind,
  type UnitGroup,
  SCORING_KINDS,
  SCORING_KIND_LABELS,
} from '../../../shared/framework/types.ts';
import { FRAMEWORK_ERRORS } from '../../../shared/errors/catalogue.ts';
import type { ErrorCode } from '../../../shared/errors/codes.ts';

import {
  INFO_LABELS,
  MAX_IMPORT_BYTES,
  MAX_ROWS,
  type Problem,
  SHEET_INFO,
  SHEET_NODES,
  XLSX_COLUMNS,
  type ColumnKey,
  issueText,
  numberToDecimal,
  pathText,
  refusal,
  scoringSchema,
} from './file-schema.ts';
import { frameworkReadFailure, validated } from './json-file.ts';
import { excel } from './xlsx-write.ts';

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
export async function parseFrameworkXlsx(data: Uint8Array | ArrayBuffer): Promise<Framework> {
  const size = data instanceof ArrayBuffer ? data.byteLength : data.byteLength;
  if (size > MAX_IMPORT_BYTES)
    throw new CodedFailure(FRAMEWORK_IMPORT_ERRORS.TOO_LARGE, 'Tệp bộ tiêu chí quá lớn (tối đa 10 MB).');
  const wb = new (await excel()).Workbook();
  try {
    const buf =
      data instanceof ArrayBuffer ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new CodedFailure(FRAMEWORK_IMPORT_ERRORS.FILE, `Không đọc được tệp Excel (.xlsx): ${(e as Error).message}`);
  }
  const ws = wb.worksheets.find((s) => fold(s.name) === fold(SHEET_NODES));
  if (!ws) throw new CodedFailure(FRAMEWORK_IMPORT_ERRORS.SHEET, `Tệp không có trang tính “${SHEET_NODES}”.`);
  const infoWs = wb.worksheets.find((s) => fold(s.name) === fold(SHEET_INFO));
  if (!infoWs) throw new CodedFailure(FRAMEWORK_IMPORT_ERRORS.SHEET, `Tệp không có trang tính “${SHEET_INFO}”.`);

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
    throw refusal(
      missing.map((c) => ({
        code: FRAMEWORK_IMPORT_ERRORS.HEADER,
        message: `Trang “${SHEET_NODES}”, dòng 1: thiếu cột “${c.header}”.`,
        row: 1,
      })),
    );
  }
  if (ws.rowCount > MAX_ROWS + 1)
    throw new CodedFailure(
      FRAMEWORK_IMPORT_ERRORS.TOO_LARGE,
      `Trang “${SHEET_NODES}” có quá nhiều dòng (tối đa ${MAX_ROWS}).`,
    );

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
  if (problems.length > 0) throw refusal(problems);

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

export async function readFrameworkXlsxFile(path: string): Promise<Framework> {
  let data: Buffer;
  try {
    data = readRegularFile(path, MAX_IMPORT_BYTES);
  } catch (e) {
    throw frameworkReadFailure(path, e);
  }
  return parseFrameworkXlsx(data);
}
