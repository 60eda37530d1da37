/**
 * The columns of a summary table (bảng tổng hợp kết quả Chỉ số CCHC) and how their
 * headers and group values are recognised: case-, diacritic- and space-insensitive,
 * in English (the project's names) or in the report's Vietnamese.
 */
import { GROUP_PRESETS, type UnitGroupInfo } from '../../../shared/framework/groups.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import { foldDiacritics } from '../../../shared/format/fold.ts';

export const SUMMARY_COLUMNS = [
  'unit',
  'group',
  'benchmark_max',
  'self_assessed',
  'survey_cbccvc',
  'survey_sipas',
] as const;
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

/** The report's Vietnamese header of each column, for messages. */
export const SUMMARY_COLUMN_LABELS: Readonly<Record<SummaryColumn, string>> = {
  unit: 'Đơn vị',
  group: 'Nhóm',
  benchmark_max: 'Điểm chuẩn tối đa',
  self_assessed: 'Điểm tự đánh giá',
  survey_cbccvc: 'Khảo sát CBCCVC',
  survey_sipas: 'Chỉ số SIPAS',
};

/** Headers accepted for each column, before normalisation. */
const ALIASES: Readonly<Record<SummaryColumn, readonly string[]>> = {
  unit: [
    'unit',
    'unit name',
    'Đơn vị',
    'Tên đơn vị',
    'Cơ quan, đơn vị',
    'Tên cơ quan, đơn vị',
    'Cơ quan',
    'Tên cơ quan',
  ],
  group: ['group', 'unit group', 'Nhóm', 'Khối', 'Nhóm đơn vị', 'Khối đơn vị', 'Khối cơ quan'],
  benchmark_max: ['benchmark_max', 'benchmark', 'Điểm chuẩn tối đa', 'Điểm chuẩn', 'Điểm tối đa'],
  self_assessed: ['self_assessed', 'Điểm tự đánh giá', 'Tự đánh giá', 'Điểm tự chấm'],
  survey_cbccvc: ['survey_cbccvc', 'cbccvc', 'Khảo sát CBCCVC', 'Điểm khảo sát CBCCVC'],
  survey_sipas: ['survey_sipas', 'sipas', 'Chỉ số SIPAS', 'Điểm SIPAS', 'Khảo sát SIPAS'],
};

/** Headers recognised as the report's but not needed here (STT, totals, the index itself…). */
const IGNORED = ['STT', 'Số thứ tự', 'TT'];

/**
 * Folds a header or a label for comparison: NFC, lower case, diacritics and đ removed,
 * everything but letters and digits dropped ("Điểm tự đánh giá" → "diemtudanhgia").
 */
export function foldKey(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const HEADER_INDEX: ReadonlyMap<string, SummaryColumn> = new Map(
  SUMMARY_COLUMNS.flatMap((c) => ALIASES[c].map((a) => [foldKey(a), c] as const)),
);
const IGNORED_KEYS = new Set(IGNORED.map(foldKey));

/** The column a header stands for, or null for an extra (ignored) column. */
export function columnOfHeader(header: string): SummaryColumn | null {
  const key = foldKey(header);
  if (IGNORED_KEYS.has(key)) return null;
  return HEADER_INDEX.get(key) ?? null;
}

/** Groups a summary table may name when no cycle is at hand: the presets. */
export const PRESET_GROUP_LIST: readonly Pick<UnitGroupInfo, 'code' | 'label' | 'shortLabel'>[] =
  Object.values(GROUP_PRESETS);

/**
 * A group code ("district"), its Vietnamese label ("UBND cấp huyện") or short label, any case,
 * among `groups` (a cycle's groups, or the presets); null when none matches.
 */
export function parseUnitGroup(
  text: string,
  groups: readonly Pick<UnitGroupInfo, 'code' | 'label' | 'shortLabel'>[] = PRESET_GROUP_LIST,
): UnitGroup | null {
  const key = foldKey(text);
  if (key === '') return null;
  return (
    groups.find((g) => foldKey(g.code) === key || foldKey(g.label) === key || foldKey(g.shortLabel) === key)?.code ??
    null
  );
}
