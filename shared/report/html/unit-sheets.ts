/**
 * Per-unit documents as HTML: the appraisal sheet (phiếu thẩm định), the preliminary
 * results notice after a round (thông báo kết quả thẩm định sơ bộ), and the feedback sheet
 * (phiếu phản hồi: where and why the appraisal differs from the self-assessment).
 *
 * Kept as one file over 300 lines: the three sheets share their header, table and signature
 * blocks.
 */
import { CLASSIFICATION_LABELS } from '../../results/classification.ts';
import { type DrillNode, type UnitDrilldown, differences, fieldComparisons, flattenDrill } from '../drilldown.ts';
import { ZERO, add, parseDecimal } from '../../decimal/rational.ts';
import { formatPoints, viDecimalText } from '../../format/vi.ts';
import {
  type DocumentHeader,
  type SignatureBlock,
  documentHtml,
  headerHtml,
  signaturesHtml,
  titleHtml,
} from './decree30-page.ts';
import { esc } from './escape.ts';
import { councilValue } from '../council-value.ts';
import { exactDecimalText, fixedDecimalText } from '../../decimal/text.ts';

interface SheetMember {
  readonly name: string;
  readonly position: string;
  readonly agency: string;
  readonly fields: readonly string[];
}

export interface UnitSheetContext {
  readonly header: DocumentHeader;
  /** The notice's number ("Số:      /TB-HĐTĐ"); the sheets print none. */
  readonly noticeNumber?: string;
  readonly chair: { readonly name: string };
  readonly secretary: { readonly name: string };
  /** Members who appraised the unit (assigned to its fields). */
  readonly members: readonly SheetMember[];
  /** Round 1 notice: the date by which the unit revises ("dd/mm/yyyy"), or empty. */
  readonly deadline?: string;
  /** Who receives the notice besides the unit ("Sở Nội vụ (CQTT)"…). */
  readonly recipients?: readonly string[];
}

export type UnitSheetKind = 'appraisal' | 'notice' | 'feedback';

/** Points as printed: at most `places` decimals, half up, trailing zeros dropped (0,5; 0,67; 14). */
function pointsText(d: string, places = 2): string {
  const r = parseDecimal(d);
  return r ? formatPoints(r, places) : viDecimalText(d);
}
const n = (d: string | null | undefined) => (d === null || d === undefined ? '' : esc(pointsText(d)));
/** The appraisal sheet's rows: as on the drill-down screen, up to 3 decimals (0,667; 3,485), so that its subtotals read the same. */
const n3 = (d: string | null | undefined) => (d === null || d === undefined ? '' : esc(pointsText(d, 3)));
/** Totals and the index: exactly 2 decimals (51,34). */
const n2 = (d: string | null | undefined) => {
  if (d === null || d === undefined) return '';
  const r = parseDecimal(d);
  return esc(r ? viDecimalText(fixedDecimalText(r, 2)) : viDecimalText(d));
};
const signed = (d: string) => {
  const t = pointsText(d);
  return esc(t.startsWith('-') || /^0(,0+)?$/.test(t) ? t : `+${t}`);
};

/**
 * "<label>: 83,84%, xếp Nhóm 2", with "tạm tính" until the cycle is finalised, and "chưa tính
 * được" (no group) while survey points are missing.
 */
function indexText(d: UnitDrilldown, label: string): string {
  const draft = d.state.finalised ? '' : ' (tạm tính)';
  if (!d.computable) return `${esc(label)}${draft}: <b>chưa tính được</b> (chưa có điểm điều tra xã hội học)`;
  return `${esc(label)}${draft}: <b>${n2(d.index)}%</b>, xếp ${esc(CLASSIFICATION_LABELS[d.classification])}`;
}

/** A draft (the cycle not finalised) is marked as such above the title. */
function draftMark(d: UnitDrilldown): string {
  return d.state.finalised
    ? ''
    : '<p class="draft-mark" style="text-align:center;font-weight:bold;letter-spacing:2pt;border:1.2pt solid #000;width:36%;margin:4pt auto">DỰ THẢO — TẠM TÍNH</p>';
}

function chairBlock(ctx: UnitSheetContext): SignatureBlock {
  return { on: 'TM. Hội đồng thẩm định', title: 'Chủ tịch', name: ctx.chair.name };
}

function membersLine(ctx: UnitSheetContext): string {
  if (ctx.members.length === 0) return '';
  const list = ctx.members.map(
    (m) =>
      `${esc(m.name)}${m.position || m.agency ? `, ${esc([m.position, m.agency].filter(Boolean).join(' '))}` : ''} (lĩnh vực ${esc(m.fields.join(', '))})`,
  );
  return `<p class="flush">Thành viên Hội đồng thẩm định: ${list.join('; ')}.</p>`;
}

function totalsTable(d: UnitDrilldown, selfLabel: string, selfTotal: string): string {
  return `<table class="grid"><thead><tr><th>Điểm chuẩn tối đa</th><th>${esc(selfLabel)}</th><th>Điểm thẩm định</th><th>Khảo sát CBCCVC</th><th>Chỉ số SIPAS</th><th>Tổng điểm đạt được</th><th>Chỉ số CCHC (%)</th><th>Xếp nhóm</th></tr></thead>
<tbody><tr><td class="n">${n2(d.benchmark)}</td><td class="n">${n2(selfTotal)}</td><td class="n">${n2(d.selfAssessed)}</td><td class="n">${n2(d.surveyCbccvc)}</td><td class="n">${n2(d.surveySipas)}</td><td class="n">${n2(d.total)}</td><td class="n"><b>${n2(d.index)}</b></td><td class="c">${d.classification}</td></tr></tbody></table>`;
}

/** Σ of the self-scores of counted, non-survey sub-criteria for a round (latest: round 2, else round 1). */
function selfTotal(d: UnitDrilldown, round: 1 | 2 | 'latest'): string {
  let total = ZERO;
  for (const node of flattenDrill(d.fields)) {
    if (!node.leaf || !node.counted || node.source === 'survey') continue;
    const text = round === 1 ? node.self1 : round === 2 ? node.self2 : (node.self2 ?? node.self1);
    const v = text === null ? null : parseDecimal(text);
    if (v) total = add(total, v);
  }
  return exactDecimalText(total);
}

/** The sheet's "Điểm thẩm định" of a sub-criterion: the council's value (councilValue), or what is counted meanwhile, marked. */
function appraisedCell(node: DrillNode): string {
  const v = councilValue(node);
  switch (v.state) {
    case 'survey':
      return `${n3(v.score)}<br><i>(ĐTXHH)</i>`;
    case 'decided':
    case 'appraised':
      return n3(v.score);
    case 'conflict':
      return `<i>Chưa thống nhất</i><br>${v.sides.map((s) => `${esc(s.memberName)}: ${n3(s.score)}`).join('<br>')}`;
    case 'provisional':
      return `${n3(v.counted)}<br><i>(tạm tính)</i>`;
    default:
      return '';
  }
}

function evidenceOf(node: DrillNode): string {
  const items = new Map<string, string>();
  for (const e of node.evidence)
    items.set(`${e.evidenceId}:${e.page ?? ''}`, `${e.title}${e.page ? ` (tr. ${e.page})` : ''}`);
  for (const a of node.appraisals) {
    if (!a.assigned) continue;
    for (const e of a.evidence)
      items.set(`${e.evidenceId}:${e.page ?? ''}`, `${e.title}${e.page ? ` (tr. ${e.page})` : ''}`);
  }
  return [...items.values()].join('; ');
}

function exemptionText(node: DrillNode): string {
  if (node.exemption?.status !== 'approved') return node.counted ? '' : 'Hạ điểm chuẩn (tiêu chí cấp trên)';
  return `Hạ điểm chuẩn: ${node.exemption.reason}${node.exemption.legalBasis ? ` (${node.exemption.legalBasis})` : ''}`;
}

/** The appraisal sheet's table: fields and criteria as heading rows, sub-criteria with every score. */
function sheetTable(d: UnitDrilldown): string {
  const rows: string[] = [];
  for (const node of flattenDrill(d.fields)) {
    const cls = node.depth === 0 ? 'field' : !node.leaf ? 'criterion' : !node.counted ? 'exempt' : '';
    // Inner rows: the points counted below (the drill-down's subtotal), flagged while conflicts remain.
    const appraised = node.leaf
      ? appraisedCell(node)
      : `${n3(node.points)}${node.unresolved > 0 ? `<br><i>(${node.unresolved} chưa thống nhất)</i>` : ''}`;
    const self1 = n3(node.self1);
    const self2 = node.leaf ? n3(node.self2) : n3(node.self2 ?? node.self1);
    rows.push(
      `<tr class="${cls}"><td>${esc(node.code)}</td><td>${esc(node.title)}</td><td class="n">${n3(node.max)}</td><td class="n">${self1}</td><td class="n">${self2}</td><td class="n">${appraised}</td><td>${esc(exemptionText(node))}</td><td class="ev">${node.leaf ? esc(evidenceOf(node)) : ''}</td><td class="ev">${node.leaf ? esc(councilValue(node).comment) : ''}</td></tr>`,
    );
  }
  return `<table class="grid small sheet" style="table-layout:fixed"><colgroup><col style="width:10mm"><col style="width:45mm"><col style="width:10mm"><col style="width:11.5mm"><col style="width:11.5mm"><col style="width:12mm"><col style="width:16mm"><col style="width:27mm"><col style="width:22mm"></colgroup>
<thead><tr><th rowspan="2">TT</th><th rowspan="2">Tiêu chí, tiêu chí thành phần</th><th rowspan="2">Điểm tối đa</th><th colspan="2">Điểm tự đánh giá</th><th rowspan="2">Điểm thẩm định</th><th rowspan="2">Hạ điểm chuẩn</th><th rowspan="2">Tài liệu kiểm chứng</th><th rowspan="2">Nhận xét của Hội đồng</th></tr>
<tr><th>Lần 1</th><th>Lần 2</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function appraisalSheetBody(d: UnitDrilldown, ctx: UnitSheetContext): string {
  const year = d.cycle.year;
  const out: string[] = [];
  out.push(headerHtml({ ...ctx.header, number: '' }));
  out.push(draftMark(d));
  out.push(titleHtml('Phiếu thẩm định', `Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${year}`));
  out.push(
    `<p class="flush" style="text-align:center"><b>Đơn vị: ${esc(d.unit.name)}</b> (${esc(d.unit.groupLabel)})</p>`,
  );
  out.push(membersLine(ctx));
  out.push(totalsTable(d, 'Tự đánh giá (lần 2)', selfTotal(d, 'latest')));
  out.push(
    `<p class="flush">${indexText(d, `Chỉ số CCHC năm ${year}`)}${d.computable ? `; xếp hạng ${d.rankInGroup} trong khối, ${d.rankOverall} chung` : ''}.${
      d.provisional > 0
        ? ` Còn ${d.provisional} tiêu chí thành phần chưa thẩm định (tạm tính theo điểm tự đánh giá).`
        : ''
    }${d.conflicts > 0 ? ` Còn ${d.conflicts} tiêu chí thành phần các thành viên chấm khác nhau chưa được giải quyết.` : ''}</p>`,
  );
  out.push(sheetTable(d));
  out.push(signaturesHtml([{ title: 'Thư ký', name: ctx.secretary.name }, chairBlock(ctx)]));
  return out.join('\n');
}

function differencesTable(d: UnitDrilldown, round?: 1 | 2, withEvidence = true): string {
  const diffs = differences(d, round);
  if (diffs.length === 0) return '';
  const widths = withEvidence ? [10, 44, 11, 12, 12, 13, 31, 32] : [10, 60, 12, 14, 14, 15, 40];
  return `<table class="grid small" style="table-layout:fixed"><colgroup>${widths.map((w) => `<col style="width:${w}mm">`).join('')}</colgroup><thead><tr><th>TT</th><th>Tiêu chí thành phần</th><th>Điểm tối đa</th><th>Tự đánh giá</th><th>Thẩm định</th><th>Chênh lệch</th><th>Lý do</th>${
    withEvidence ? '<th>Tài liệu kiểm chứng đã xem xét</th>' : ''
  }</tr></thead><tbody>${diffs
    .map(
      (x) =>
        `<tr><td>${esc(x.code)}</td><td>${esc(x.title)}</td><td class="n">${n(x.max)}</td><td class="n">${x.self === null ? '<i>chưa chấm</i>' : n(x.self)}</td><td class="n">${n(
          x.appraised,
        )}</td><td class="n">${signed(x.difference)}</td><td>${esc(x.comments.join('; '))}</td>${withEvidence ? `<td>${esc(x.evidence.join('; '))}</td>` : ''}</tr>`,
    )
    .join('')}</tbody></table>`;
}

function fieldsTable(d: UnitDrilldown, round?: 1 | 2): string {
  const rows = fieldComparisons(d, round);
  const note =
    d.provisional > 0
      ? '<div class="note">Cột “Thẩm định”: tiêu chí chưa thẩm định được tạm tính theo điểm tự đánh giá mới nhất; điểm ĐTXHH như nhau ở hai cột.</div>'
      : '';
  return `${''}<table class="grid"><thead><tr><th>Lĩnh vực</th><th>Điểm tối đa</th><th>Tự đánh giá</th><th>Thẩm định</th><th>Chênh lệch</th></tr></thead><tbody>${rows
    .map(
      (f) =>
        `<tr><td>${esc(f.code)}. ${esc(f.title)}</td><td class="n">${n(f.benchmark)}</td><td class="n">${n(f.self)}</td><td class="n">${n(f.appraised)}</td><td class="n">${signed(
          f.difference,
        )}</td></tr>`,
    )
    .join('')}</tbody></table>${note}`;
}

function noticeBody(d: UnitDrilldown, ctx: UnitSheetContext, round: 1 | 2): string {
  const year = d.cycle.year;
  const out: string[] = [];
  out.push(headerHtml({ ...ctx.header, number: ctx.noticeNumber ?? '' }));
  out.push(titleHtml('Thông báo', `Kết quả thẩm định sơ bộ lần ${round} Chỉ số cải cách hành chính năm ${year}`));
  out.push(`<div class="recipient">Kính gửi: Thủ trưởng ${esc(d.unit.name)}.</div>`);
  out.push(
    `<p>Căn cứ kết quả tự đánh giá, chấm điểm (lần ${round}) và tài liệu kiểm chứng của ${esc(d.unit.name)}, Hội đồng thẩm định Chỉ số cải cách hành chính năm ${year} thông báo kết quả thẩm định sơ bộ như sau:</p>`,
  );
  const noSurvey = Number(d.surveyCbccvc) === 0 && Number(d.surveySipas) === 0;
  out.push(`<p class="flush"><b>1. Tổng hợp điểm</b></p>`);
  out.push(totalsTable(d, `Tự đánh giá (lần ${round})`, selfTotal(d, round === 1 ? 1 : 'latest')));
  out.push(
    `<p>${indexText({ ...d, state: { finalised: false, snapshotHash: null, finalisedAt: null } }, 'Chỉ số CCHC')}${noSurvey && d.computable ? ', chưa bao gồm điểm điều tra xã hội học' : ''}${
      d.provisional > 0
        ? `; ${d.provisional} tiêu chí thành phần chưa thẩm định được tạm tính theo điểm tự đánh giá`
        : ''
    }.</p>`,
  );
  out.push(`<p class="flush"><b>2. Điểm theo lĩnh vực</b></p>`);
  out.push(fieldsTable(d, round));
  out.push(`<p class="flush"><b>3. Các tiêu chí có điểm thẩm định khác điểm tự đánh giá</b></p>`);
  const table = differencesTable(d, round, false);
  out.push(table || '<p>Không có tiêu chí nào có điểm thẩm định khác điểm tự đánh giá.</p>');
  if (round === 1) {
    out.push(
      `<p>Đề nghị ${esc(d.unit.name)} rà soát, giải trình, bổ sung tài liệu kiểm chứng đối với các tiêu chí nêu trên (nếu có) và tự đánh giá, chấm điểm lại (lần 2), gửi về cơ quan thường trực Hội đồng thẩm định trước ngày ${esc(
        ctx.deadline || '…/…/…',
      )}.</p>`,
    );
  } else {
    out.push(
      '<p>Kết quả trên là kết quả thẩm định sơ bộ sau khi đơn vị tự đánh giá, chấm điểm lần 2; kết quả chính thức do Ủy ban nhân dân tỉnh quyết định công bố.</p>',
    );
  }
  out.push('<p>Hội đồng thẩm định thông báo để đơn vị biết, thực hiện./.</p>');
  out.push(
    signaturesHtml(
      [chairBlock(ctx)],
      ['Như trên', ...(ctx.recipients ?? ['Cơ quan thường trực Hội đồng', 'Lưu: VT, HĐTĐ'])],
    ),
  );
  return out.join('\n');
}

function feedbackBody(d: UnitDrilldown, ctx: UnitSheetContext): string {
  const year = d.cycle.year;
  const out: string[] = [];
  out.push(headerHtml({ ...ctx.header, number: '' }));
  out.push(draftMark(d));
  out.push(
    titleHtml('Phiếu phản hồi', `Kết quả thẩm định so với kết quả tự đánh giá Chỉ số cải cách hành chính năm ${year}`),
  );
  out.push(`<p class="flush" style="text-align:center"><b>Đơn vị: ${esc(d.unit.name)}</b></p>`);
  out.push(`<p class="flush"><b>1. Điểm theo lĩnh vực</b></p>`);
  out.push(fieldsTable(d));
  out.push(`<p class="flush"><b>2. Những tiêu chí thành phần có điểm thẩm định khác điểm tự đánh giá và lý do</b></p>`);
  const table = differencesTable(d, undefined, true);
  out.push(
    table || '<p>Kết quả thẩm định trùng với kết quả tự đánh giá ở tất cả các tiêu chí thành phần đã thẩm định.</p>',
  );
  out.push(
    `<p>${indexText(d, `Chỉ số CCHC năm ${year} của đơn vị sau thẩm định`)}. Đơn vị có ý kiến khác đề nghị phản hồi bằng văn bản kèm tài liệu kiểm chứng về cơ quan thường trực Hội đồng thẩm định.</p>`,
  );
  out.push(signaturesHtml([{ title: 'Thư ký', name: ctx.secretary.name }, chairBlock(ctx)]));
  return out.join('\n');
}

const PAGE_BREAK = '<div style="break-after: page"></div>';

export interface UnitSheetRequest {
  readonly drilldown: UnitDrilldown;
  readonly context: UnitSheetContext;
  readonly kind: UnitSheetKind;
  readonly round?: 1 | 2;
}

function unitSheetBody(r: UnitSheetRequest): string {
  switch (r.kind) {
    case 'appraisal':
      return appraisalSheetBody(r.drilldown, r.context);
    case 'notice':
      return noticeBody(r.drilldown, r.context, r.round ?? 1);
    case 'feedback':
      return feedbackBody(r.drilldown, r.context);
  }
}

const UNIT_SHEET_TITLES: Readonly<Record<UnitSheetKind, string>> = {
  appraisal: 'Phiếu thẩm định',
  notice: 'Thông báo kết quả thẩm định sơ bộ',
  feedback: 'Phiếu phản hồi kết quả thẩm định',
};

/** One or more per-unit documents in one HTML page, each starting on a new page. */
export function unitSheetsHtml(requests: readonly UnitSheetRequest[], fontCss: string): string {
  const first = requests[0];
  const title = first
    ? `${UNIT_SHEET_TITLES[first.kind]}${requests.length === 1 ? ` — ${first.drilldown.unit.name}` : ''}`
    : 'Phiếu';
  return documentHtml({ title, fontCss, body: requests.map(unitSheetBody).join(PAGE_BREAK) });
}
