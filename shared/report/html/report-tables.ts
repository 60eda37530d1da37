/** The report's tables as HTML (for the printed documents): numbers in vi-VN format. */
import type { GroupReport, Report } from '../types.ts';
import { esc } from './escape.ts';
import { viDecimalText } from '../../format/vi.ts';

const n = (d: string | null) => (d === null ? '' : esc(viDecimalText(d)));
const signed = (d: string | null) =>
  d === null ? '' : esc(d.startsWith('-') || /^0(\.0+)?$/.test(d) ? viDecimalText(d) : `+${viDecimalText(d)}`);

/** STT, Đơn vị, Điểm chuẩn tối đa, Điểm tự đánh giá, Điểm ĐTXHH (Khảo sát CBCCVC, Chỉ số SIPAS), Tổng điểm đạt được, Chỉ số CCHC, [năm trước, tăng/giảm], Xếp nhóm; TRUNG BÌNH. */
export function summaryTableHtml(report: Report, g: GroupReport, caption?: string): string {
  const year = report.cycle.year;
  const py = report.previousYear;
  const withPrev = py !== null && g.rows.some((r) => r.previousIndex !== null);
  const head = `<thead><tr>
<th rowspan="2">STT</th><th rowspan="2">Đơn vị</th><th rowspan="2">Điểm chuẩn tối đa</th><th rowspan="2">Điểm tự đánh giá</th>
<th colspan="2">Điểm ĐTXHH</th><th rowspan="2">Tổng điểm đạt được</th><th rowspan="2">Chỉ số CCHC ${year} (%)</th>${
    withPrev ? `<th rowspan="2">Chỉ số ${py} (%)</th><th rowspan="2">Tăng, giảm</th>` : ''
  }<th rowspan="2">Xếp nhóm</th></tr>
<tr><th>Khảo sát CBCCVC</th><th>Chỉ số SIPAS</th></tr></thead>`;
  const rows = g.rows
    .map(
      (r) =>
        `<tr><td class="c">${r.stt}</td><td>${esc(r.unit)}</td><td class="n">${n(r.benchmark)}</td><td class="n">${n(r.selfAssessed)}</td><td class="n">${n(
          r.surveyCbccvc,
        )}</td><td class="n">${n(r.surveySipas)}</td><td class="n">${n(r.total)}</td><td class="n"><b>${n(r.index)}</b></td>${
          withPrev ? `<td class="n">${n(r.previousIndex)}</td><td class="n">${signed(r.change)}</td>` : ''
        }<td class="c">${r.classification}</td></tr>`,
    )
    .join('');
  const a = g.average;
  const avg = `<tr class="avg"><td></td><td class="c">TRUNG BÌNH</td><td class="n">${n(a.benchmark)}</td><td class="n">${n(a.selfAssessed)}</td><td class="n">${n(
    a.surveyCbccvc,
  )}</td><td class="n">${n(a.surveySipas)}</td><td class="n">${n(a.total)}</td><td class="n">${n(a.index)}</td>${
    withPrev ? `<td class="n">${n(a.previousIndex)}</td><td class="n">${signed(a.change)}</td>` : ''
  }<td></td></tr>`;
  return `<table class="grid summary">${caption ? `<caption>${esc(caption)}</caption>` : ''}<colgroup><col class="stt"><col class="unit"></colgroup>${head}<tbody>${rows}${avg}</tbody></table>`;
}

/** Field points per unit (the report's field table), in the order of the summary table, with the group's average percent per field. */
export function fieldTableHtml(g: GroupReport, caption?: string): string {
  const cols = g.fieldColumns;
  const head = `<thead><tr><th rowspan="2">STT</th><th rowspan="2">Đơn vị</th><th colspan="${cols.length}">Điểm đạt được theo lĩnh vực</th><th rowspan="2">Chỉ số CCHC (%)</th></tr>
<tr>${cols.map((c) => `<th title="${esc(c.title)}">LV${esc(c.code)}</th>`).join('')}</tr></thead>`;
  const rows = g.fieldRows
    .map(
      (r) =>
        `<tr><td class="c">${r.stt}</td><td>${esc(r.unit)}</td>${r.cells.map((c) => `<td class="n">${c ? n(c.points) : '–'}</td>`).join('')}<td class="n">${n(
          r.index,
        )}</td></tr>`,
    )
    .join('');
  const bench = `<tr class="avg"><td></td><td class="c">Điểm tối đa trung bình</td>${cols
    .map((c) => `<td class="n">${n(g.fieldStats.find((f) => f.code === c.code)?.averageBenchmark ?? null)}</td>`)
    .join('')}<td></td></tr>`;
  const avg = `<tr class="avg"><td></td><td class="c">Tỷ lệ trung bình (%)</td>${cols
    .map((c) => `<td class="n">${n(g.fieldStats.find((f) => f.code === c.code)?.averagePercent ?? null)}</td>`)
    .join('')}<td class="n">${n(g.stats.average)}</td></tr>`;
  const legend = `<div class="note">${cols.map((c) => `LV${esc(c.code)}: ${esc(c.title)}`).join('; ')}.</div>`;
  return `<table class="grid small fields">${caption ? `<caption>${esc(caption)}</caption>` : ''}${head}<tbody>${rows}${bench}${avg}</tbody></table>${legend}`;
}

/** All units with their classification, by index. */
export function classificationTableHtml(report: Report, caption?: string): string {
  const head = `<thead><tr><th>Hạng</th><th>Đơn vị</th><th>Khối</th><th>Chỉ số CCHC (%)</th><th>Xếp nhóm</th></tr></thead>`;
  const rows = report.units
    .map(
      (u) =>
        `<tr><td class="c">${u.rankOverall}</td><td>${esc(u.unit)}</td><td>${esc(u.groupLabel)}</td><td class="n">${n(u.index)}</td><td class="c">${u.classification}</td></tr>`,
    )
    .join('');
  return `<table class="grid">${caption ? `<caption>${esc(caption)}</caption>` : ''}${head}<tbody>${rows}</tbody></table>`;
}
