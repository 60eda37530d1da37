/**
 * The report's per-group table in Vietnamese, as aligned plain text: STT, unit, benchmark,
 * self-assessed points, the two surveys, total, index, classification, rank in group;
 * sorted by index, with the TRUNG BÌNH row; then an overall block.
 */
import { GROUP_PRESETS, type UnitGroupInfo, groupLabeller } from '../../../shared/framework/groups.ts';
import { formatRational, formatScaled } from '../../../shared/format/vi.ts';
import { CLASSIFICATION_GROUPS, CLASSIFICATION_LABELS } from '../../../shared/results/classification.ts';
import type { Results, Stats, UnitResult } from '../../../shared/results/compute.ts';

/** Display width: code points of the NFC form (Vietnamese letters are precomposed there). */
function textWidth(s: string): number {
  return [...s.normalize('NFC')].length;
}

type Align = 'left' | 'right';

interface Column {
  readonly title: string;
  readonly align: Align;
}

const COLUMNS: readonly Column[] = [
  { title: 'STT', align: 'right' },
  { title: 'Đơn vị', align: 'left' },
  { title: 'Điểm chuẩn tối đa', align: 'right' },
  { title: 'Điểm tự đánh giá', align: 'right' },
  { title: 'Khảo sát CBCCVC', align: 'right' },
  { title: 'Chỉ số SIPAS', align: 'right' },
  { title: 'Tổng điểm đạt được', align: 'right' },
  { title: 'Chỉ số CCHC (%)', align: 'right' },
  { title: 'Xếp nhóm', align: 'right' },
  { title: 'Xếp hạng', align: 'right' },
];

function pad(s: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - textWidth(s)));
  return align === 'left' ? s + fill : fill + s;
}

/** Rows of cells (null = a rule line) as aligned text with " | " between columns. */
function alignRows(columns: readonly Column[], rows: readonly (readonly string[] | null)[]): string[] {
  const cells = rows.map((r) => r?.map((c) => c.normalize('NFC')) ?? null);
  const widths = columns.map((c, i) =>
    Math.max(textWidth(c.title), ...cells.map((r) => (r ? textWidth(r[i] ?? '') : 0))),
  );
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  const line = (r: readonly string[]) =>
    columns
      .map((c, i) => pad(r[i] ?? '', widths[i]!, c.align))
      .join(' | ')
      .trimEnd();
  return [line(columns.map((c) => c.title)), rule, ...cells.map((r) => (r ? line(r) : rule))];
}

function pct(v: bigint, precision: number): string {
  return `${formatScaled(v, precision)}%`;
}

function extremes(s: Stats, precision: number): string {
  return (
    `Cao nhất: ${s.highest.unit} (${pct(s.highest.published, precision)}); ` +
    `thấp nhất: ${s.lowest.unit} (${pct(s.lowest.published, precision)}); ` +
    `khoảng cách: ${pct(s.spread, precision)}.`
  );
}

function counts(s: Stats): string[] {
  return CLASSIFICATION_GROUPS.map((g) => `  ${CLASSIFICATION_LABELS[g]}: ${s.classificationCounts[g]} đơn vị`);
}

function unitRow(u: UnitResult, stt: number, precision: number): string[] {
  return [
    String(stt),
    u.unit,
    // Display rounds half up to the published precision; the JSON output keeps exact values.
    formatRational(u.benchmark, precision),
    formatRational(u.selfAssessed, precision),
    formatRational(u.surveyCbccvc, precision),
    formatRational(u.surveySipas, precision),
    formatRational(u.total, precision),
    formatScaled(u.published, precision),
    String(u.classification),
    String(u.rankInGroup),
  ];
}

export function renderResultsTable(
  r: Results,
  groups: readonly UnitGroupInfo[] = Object.values(GROUP_PRESETS).map((g, i) => ({ ...g, sortOrder: i })),
): string {
  const names = groupLabeller(groups);
  const p = r.precision;
  const out: string[] = [];
  for (const g of r.groups) {
    const units = r.units
      .filter((u) => u.group === g.group)
      .sort((a, b) => (a.published > b.published ? -1 : a.published < b.published ? 1 : 0));
    const rows: (string[] | null)[] = units.map((u, i) => unitRow(u, i + 1, p));
    rows.push(null, ['', 'TRUNG BÌNH', '', '', '', '', '', formatScaled(g.average, p), '', '']);
    out.push(`KẾT QUẢ CHỈ SỐ CCHC: ${names.label(g.group).toLocaleUpperCase('vi')} (${g.count} đơn vị)`, '');
    out.push(...alignRows(COLUMNS, rows), '');
    out.push(extremes(g, p), 'Xếp nhóm:', ...counts(g), '', '');
  }
  if (r.overall) {
    out.push('TỔNG HỢP CHUNG', '');
    out.push(`Số đơn vị: ${r.overall.count}`);
    out.push(`Chỉ số CCHC trung bình: ${pct(r.overall.average, p)}`);
    out.push(extremes(r.overall, p));
    out.push('Xếp nhóm:', ...counts(r.overall));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
