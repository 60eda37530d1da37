/**
 * The layout of the self-assessment workbook (phiếu tự đánh giá), shared by the template
 * writer and the reader. One sheet of rows, one per sub-criterion of the group's framework
 * in code order, and a very hidden sheet that names the cycle, the group and the framework
 * hash the template was written from.
 *
 *   row 1  title · row 2  "Đơn vị:" and the unit's name (C2, the only input above the table)
 *   row 4  column headers · rows 5…  one sub-criterion each
 *
 * Columns A–G are the framework (locked); H–N are what the unit enters (unlocked where the
 * row's scoring kind uses them). See README "Hồ sơ tự đánh giá".
 */
import { type FrameworkTree, leavesUnder } from '../../../shared/framework/tree.ts';
import type { FrameworkNode, Scoring, ScoringKind } from '../../../shared/framework/types.ts';

export const SHEET = 'Tự đánh giá';
export const META_SHEET = 'cchc';
export const TEMPLATE_FORMAT = 'cchc-dossier-template/1';
export const HEADER_ROW = 4;
export const FIRST_ROW = 5;
export const UNIT_CELL = 'C2';

export const COL = {
  code: 1,
  title: 2,
  max: 3,
  kind: 4,
  enter: 5,
  guide: 6,
  required: 7,
  choice: 8,
  figure1: 9,
  figure2: 10,
  claimed: 11,
  explanation: 12,
  evidence: 13,
  lowered: 14,
} as const;
export type ColumnKey = keyof typeof COL;

export const HEADERS: Readonly<Record<ColumnKey, string>> = {
  code: 'Mã',
  title: 'Tiêu chí thành phần',
  max: 'Điểm tối đa',
  kind: 'Cách chấm',
  enter: 'Đơn vị cần nhập',
  guide: 'Hướng dẫn chấm',
  required: 'Tài liệu kiểm chứng yêu cầu',
  choice: 'Kết quả (chọn)',
  figure1: 'Số liệu 1',
  figure2: 'Số liệu 2',
  claimed: 'Điểm tự chấm',
  explanation: 'Giải trình',
  evidence: 'Tài liệu kiểm chứng (tên tệp, trang)',
  lowered: 'Đề xuất hạ điểm chuẩn (lý do)',
};

export const WIDTHS: Readonly<Record<ColumnKey, number>> = {
  code: 9,
  title: 48,
  max: 10,
  kind: 20,
  enter: 34,
  guide: 48,
  required: 36,
  choice: 18,
  figure1: 12,
  figure2: 12,
  claimed: 12,
  explanation: 40,
  evidence: 40,
  lowered: 32,
};

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const letter = (col: number): string => LETTERS[col - 1] ?? `C${col}`;

export const TICK_MET = 'Đạt';
export const TICK_NOT_MET = 'Không đạt';

/** Which input columns a kind uses (the others stay locked on its row). */
export function inputColumns(kind: ScoringKind): readonly ColumnKey[] {
  const common: ColumnKey[] = ['claimed', 'explanation', 'evidence', 'lowered'];
  switch (kind) {
    case 'tick':
    case 'timeliness':
      return ['choice', ...common];
    case 'percentage':
    case 'proportional':
    case 'previous_year_delta':
      return ['figure1', 'figure2', ...common];
    case 'count':
    case 'deduction':
      return ['figure1', ...common];
    case 'survey':
      return [];
  }
}

/** The choices of the "Kết quả" column (tick, timeliness). */
export function choices(scoring: Scoring): readonly string[] {
  if (scoring.kind === 'tick') return [TICK_MET, TICK_NOT_MET];
  if (scoring.kind === 'timeliness') return scoring.tiers.map((t) => t.label);
  return [];
}

/** "What the unit must enter" on the row of a sub-criterion. */
export function whatToEnter(node: FrameworkNode): string {
  const s = node.scoring;
  if (!s) return '';
  switch (s.kind) {
    case 'tick':
      return `Chọn “${TICK_MET}” hoặc “${TICK_NOT_MET}” ở cột Kết quả.`;
    case 'timeliness':
      return `Chọn một mức ở cột Kết quả: ${s.tiers.map((t) => t.label).join(', ')}.`;
    case 'percentage':
      return 'Số liệu 1: số đạt (a); Số liệu 2: tổng số (b). Hoặc chỉ nhập tỷ lệ % ở Số liệu 1 và để trống Số liệu 2.';
    case 'proportional':
      return 'Số liệu 1: số đạt (a); Số liệu 2: tổng số (b). Điểm = a/b × điểm tối đa.';
    case 'count':
      return 'Số liệu 1: số lượng (số nguyên).';
    case 'deduction':
      return 'Số liệu 1: số trường hợp vi phạm (số nguyên, 0 nếu không có).';
    case 'previous_year_delta':
      return 'Số liệu 1: Chỉ số CCHC năm trước (%); Số liệu 2: Chỉ số năm liền kề trước đó (%).';
    case 'survey':
      return 'Không nhập: điểm điều tra xã hội học do cơ quan thường trực nhập.';
  }
}

/** The sub-criteria of a group's framework, in code order (survey rows included: shown, not entered). */
export function templateLeaves(tree: FrameworkTree, group: string): FrameworkNode[] {
  return leavesUnder(tree, null).filter(
    (n) => n.scoring !== undefined && (n.groups as readonly string[]).includes(group),
  );
}
