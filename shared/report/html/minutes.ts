/**
 * The council's minutes (biên bản họp Hội đồng thẩm định) as HTML: legal bases, time and
 * place, members present and absent, what was appraised, results per group (narrative,
 * table, chart, field table), approved exemptions with reasons, conflicts and how they were
 * resolved, conflicts of interest, conclusions, the secretary's and the chair's signatures.
 *
 * Kept as one file over 300 lines: it is one document, written top to bottom in the order
 * the minutes are read.
 */
import type { UnitGroup } from '../../framework/types.ts';
import { barChartSvg, reportCharts } from '../charts.ts';
import { groupNoun } from '../../framework/groups.ts';
import type { NarrativeSection } from '../narrative.ts';
import { formatIsoDate, viDecimalText } from '../../format/vi.ts';
import type { Report } from '../types.ts';
import {
  type DocumentHeader,
  documentHtml,
  headerHtml,
  signaturesHtml,
  timeAndDateText,
  timeText,
  titleHtml,
  upper,
} from './decree30-page.ts';
import { esc, escLines } from './escape.ts';
import { classificationTableHtml, fieldTableHtml, summaryTableHtml } from './report-tables.ts';

interface PersonLine {
  readonly name: string;
  readonly position: string;
  readonly agency: string;
}

export interface MinutesMember extends PersonLine {
  readonly fields: readonly string[];
  readonly note: string;
}

export interface MinutesExemption {
  readonly unit: string;
  readonly group: UnitGroup;
  readonly code: string;
  readonly title: string;
  readonly max: string;
  readonly reason: string;
  readonly legalBasis: string;
}

export interface MinutesConflict {
  readonly unit: string;
  readonly code: string;
  readonly title: string;
  /** What differed (e.g. the members' scores). */
  readonly description: string;
  readonly resolution: string;
}

export interface MinutesConflictOfInterest {
  readonly member: string;
  readonly unit: string;
  readonly description: string;
  readonly resolution: string;
}

export interface MinutesData {
  readonly header: DocumentHeader;
  readonly title: string;
  readonly subtitle: string;
  readonly legalBases: readonly string[];
  /** ISO local date-time "2024-03-15T08:00", or null (left to fill). */
  readonly startsAt: string | null;
  readonly endsAt: string | null;
  readonly location: string;
  readonly chair: { readonly name: string; readonly position: string };
  readonly secretary: { readonly name: string; readonly position: string };
  readonly present: readonly MinutesMember[];
  readonly absent: readonly MinutesMember[];
  readonly otherAttendees: readonly string[];
  /** Free text on what was appraised; a generated sentence is used when empty. */
  readonly contents: string;
  readonly appraised: {
    readonly units: number;
    readonly byGroup: readonly { readonly group: UnitGroup; readonly label: string; readonly count: number }[];
    readonly subCriteria: number;
    readonly appraisedScores: number;
    readonly provisionalScores: number;
  };
  readonly report: Report;
  readonly narrative: readonly NarrativeSection[];
  readonly exemptions: readonly MinutesExemption[];
  readonly conflicts: readonly MinutesConflict[];
  readonly conflictsOfInterest: readonly MinutesConflictOfInterest[];
  readonly conclusions: readonly string[];
  readonly copies: number | null;
  /**
   * The audit chain's head the results rest on: at the last finalise of the cycle (its row,
   * hash and the snapshot's hash), else at printing; anyone can compare it with `audit-verify`.
   */
  readonly auditHead?: {
    readonly seq: number;
    readonly hash: string;
    readonly finalised: boolean;
    readonly snapshotHash: string | null;
  } | null;
}

export interface MinutesOptions {
  readonly fontCss: string;
  readonly charts?: boolean;
  readonly fieldTables?: boolean;
  /** Print the "units that missed a sub-criterion" sentences (default true). */
  readonly missedLists?: boolean;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

function personText(p: PersonLine): string {
  return [p.name, p.position, p.agency].filter((x) => x.trim() !== '').join(', ');
}

/** A dash list whose items end with ";" and the last with "." (Decree 30 style). */
function dashList(items: readonly string[]): string {
  return `<ul class="dash">${items.map((x, i) => `<li>${x}${i === items.length - 1 ? '.' : ';'}</li>`).join('')}</ul>`;
}

/** ", Chủ tịch Hội đồng" after the chair's name, unless the position already says it. */
function chairSuffix(position: string): string {
  return /chủ tịch hội đồng/i.test(position.normalize('NFC')) ? '' : ', Chủ tịch Hội đồng';
}

function sentencesHtml(section: NarrativeSection | undefined, keep: (key: string) => boolean): string {
  if (!section) return '';
  return (
    section.sentences
      .filter((s) => keep(s.key) && s.text.trim() !== '')
      // Paragraphs the secretariat added (a blank line between them) stay paragraphs.
      .flatMap((s) => s.text.split(/\r?\n\s*\r?\n/).filter((p) => p.trim() !== ''))
      .map((p) => `<p>${escLines(p.trim())}</p>`)
      .join('')
  );
}

export function minutesBody(d: MinutesData, o: Omit<MinutesOptions, 'fontCss'> = {}): string {
  const charts = o.charts ?? true;
  const fieldTables = o.fieldTables ?? true;
  const missed = o.missedLists ?? true;
  const r = d.report;
  const year = r.cycle.year;
  const out: string[] = [];
  const final = r.status.finalised;
  out.push(headerHtml(d.header));
  // Until the cycle is finalised the minutes are a draft, and say so on the first page.
  if (!final) out.push(DRAFT_MARK);
  out.push(titleHtml(d.title, d.subtitle));
  for (const b of d.legalBases) out.push(`<p class="basis">${esc(b)};</p>`);

  let sec = 0;
  const h2 = (t: string) => out.push(`<h2>${ROMAN[sec++]}. ${esc(upper(t))}</h2>`);

  h2('Thời gian, địa điểm');
  out.push(
    `<p>Vào lúc ${esc(d.startsAt ? timeAndDateText(d.startsAt) : '… giờ … phút, ngày … tháng … năm …')}, tại ${esc(d.location || '…')}, Hội đồng thẩm định Chỉ số cải cách hành chính năm ${year} tổ chức họp thẩm định kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính (Chỉ số CCHC) năm ${year} của các cơ quan, đơn vị.</p>`,
  );

  h2('Thành phần tham dự');
  const total = d.present.length + d.absent.length;
  out.push(`<p>1. Chủ trì: ${esc(personText({ ...d.chair, agency: '' }) || '…')}${chairSuffix(d.chair.position)}.</p>`);
  out.push(`<p>2. Thành viên Hội đồng có mặt: ${d.present.length}/${total} thành viên, gồm:</p>`);
  if (d.present.length > 0)
    out.push(dashList(d.present.map((m) => `${esc(personText(m))}${m.note ? ` (${esc(m.note)})` : ''}`)));
  if (d.absent.length > 0) {
    out.push(`<p>3. Thành viên vắng mặt: ${d.absent.length} thành viên, gồm:</p>`);
    out.push(dashList(d.absent.map((m) => `${esc(personText(m))}${m.note ? ` (lý do: ${esc(m.note)})` : ''}`)));
  } else {
    out.push('<p>3. Thành viên vắng mặt: không có.</p>');
  }
  let item = 4;
  if (d.otherAttendees.length > 0) {
    out.push(`<p>${item++}. Khách mời:</p>${dashList(d.otherAttendees.map((x) => esc(x)))}`);
  }
  out.push(`<p>${item}. Thư ký: ${esc(personText({ ...d.secretary, agency: '' }) || '…')}.</p>`);

  h2('Nội dung cuộc họp');
  out.push('<h3>1. Nội dung thẩm định</h3>');
  if (d.contents.trim() !== '') {
    for (const para of d.contents.split(/\n\s*\n/)) out.push(`<p>${escLines(para.trim())}</p>`);
  } else {
    const comp = d.appraised.byGroup.map((g) => `${g.count} ${groupNoun(g.label)}`).join('; ');
    out.push(
      `<p>Hội đồng ${final ? 'đã thẩm định' : 'thẩm định'} kết quả tự đánh giá, chấm điểm và tài liệu kiểm chứng của ${d.appraised.units} cơ quan, đơn vị (${esc(comp)}) theo Bộ tiêu chí xác định Chỉ số CCHC năm ${year}, với ${esc(
        viDecimalText(String(d.appraised.subCriteria)),
      )} lượt tiêu chí thành phần; trong đó ${esc(viDecimalText(String(d.appraised.appraisedScores)))} lượt đã có điểm thẩm định${
        d.appraised.provisionalScores > 0
          ? `, ${esc(viDecimalText(String(d.appraised.provisionalScores)))} lượt còn tạm tính theo điểm tự đánh giá`
          : ''
      }; điểm điều tra xã hội học (Khảo sát CBCCVC, Chỉ số SIPAS) được tổng hợp từ kết quả điều tra.</p>`,
    );
  }

  out.push('<h3>2. Kết quả thẩm định</h3>');
  const overall = d.narrative.find((s) => s.key === 'overall');
  out.push(sentencesHtml(overall, () => true));
  const chartSet = charts ? reportCharts(r) : null;
  r.groups.forEach((g, i) => {
    const label = g.label;
    out.push(`<h4>2.${i + 1}. ${esc(label)} (${g.count} đơn vị)</h4>`);
    const section = d.narrative.find((s) => s.key === `group.${g.group}`);
    out.push(sentencesHtml(section, (k) => !k.includes('.field.') && !k.includes('.missed.')));
    out.push(summaryTableHtml(r, g, `Bảng ${i + 1}. Kết quả Chỉ số CCHC năm ${year}: ${label}`));
    if (chartSet) {
      const c = chartSet.indicesByGroup.find((x) => x.key === `index.${g.group}`);
      if (c) out.push(`<div class="chart-box">${barChartSvg(c)}</div>`);
      const y = chartSet.yearOnYear.find((x) => x.key === `yoy.${g.group}`);
      if (y) out.push(`<div class="chart-box">${barChartSvg(y)}</div>`);
    }
    out.push(sentencesHtml(section, (k) => k.includes('.field.')));
    if (fieldTables && g.fieldColumns.length > 0)
      out.push(fieldTableHtml(g, `Bảng ${i + 1}a. Điểm theo lĩnh vực: ${label}`));
    if (chartSet) {
      const c = chartSet.fieldAveragesByGroup.find((x) => x.key === `fields.${g.group}`);
      if (c && c.labels.length > 0) out.push(`<div class="chart-box">${barChartSvg(c, { labelWidth: 300 })}</div>`);
    }
    if (missed) {
      const items = (section?.sentences ?? []).filter((s) => s.key.includes('.missed.') && s.text.trim() !== '');
      if (items.length > 0) {
        out.push(
          `<p class="lead">Những tiêu chí thành phần đơn vị chưa đạt:</p><ul class="compact">${items.map((s) => `<li>${escLines(s.text)}</li>`).join('')}</ul>`,
        );
      }
    }
  });
  if (r.groups.length > 1)
    out.push(
      classificationTableHtml(
        r,
        `Bảng ${r.groups.length + 1}. Xếp nhóm Chỉ số CCHC năm ${year} của các cơ quan, đơn vị`,
      ),
    );

  out.push('<h3>3. Hạ điểm chuẩn được Hội đồng chấp thuận</h3>');
  if (d.exemptions.length === 0) {
    out.push('<p>Không có trường hợp hạ điểm chuẩn.</p>');
  } else {
    out.push(
      `<p>Hội đồng thống nhất hạ điểm chuẩn (không tính vào điểm đạt được và điểm chuẩn tối đa) đối với ${d.exemptions.length} trường hợp sau:</p>` +
        `<table class="grid"><colgroup><col class="stt"><col style="width:30mm"><col style="width:42mm"><col style="width:12mm"><col></colgroup><thead><tr><th>STT</th><th>Đơn vị</th><th>Tiêu chí</th><th>Điểm</th><th>Lý do</th></tr></thead><tbody>${d.exemptions
          .map(
            (e, i) =>
              `<tr><td class="c">${i + 1}</td><td>${esc(e.unit)}</td><td>${esc(e.code)}. ${esc(e.title)}</td><td class="n">${esc(viDecimalText(e.max))}</td><td>${esc(e.reason)}${
                e.legalBasis ? ` (${esc(e.legalBasis)})` : ''
              }</td></tr>`,
          )
          .join('')}</tbody></table>`,
    );
  }

  out.push('<h3>4. Các ý kiến khác nhau và cách giải quyết</h3>');
  if (r.status.unresolvedConflicts > 0) {
    out.push(
      `<p><b>Còn ${esc(viDecimalText(String(r.status.unresolvedConflicts)))} tiêu chí thành phần các thành viên chấm khác nhau chưa được giải quyết</b>; điểm các tiêu chí này chưa phải điểm của Hội đồng.</p>`,
    );
  }
  if (d.conflicts.length === 0 && r.status.unresolvedConflicts === 0) {
    out.push('<p>Các thành viên Hội đồng thống nhất kết quả thẩm định; không có ý kiến khác nhau cần giải quyết.</p>');
  } else if (d.conflicts.length > 0) {
    out.push(
      `<table class="grid"><thead><tr><th>STT</th><th>Đơn vị</th><th>Tiêu chí</th><th>Nội dung khác nhau</th><th>Cách giải quyết</th></tr></thead><tbody>${d.conflicts
        .map(
          (c, i) =>
            `<tr><td class="c">${i + 1}</td><td>${esc(c.unit)}</td><td>${esc(c.code)}${c.title ? `. ${esc(c.title)}` : ''}</td><td>${esc(c.description)}</td><td>${esc(
              c.resolution,
            )}</td></tr>`,
        )
        .join('')}</tbody></table>`,
    );
  }

  out.push('<h3>5. Xung đột lợi ích</h3>');
  if (d.conflictsOfInterest.length === 0) {
    out.push(
      '<p>Không có thành viên nào thẩm định hồ sơ của cơ quan, đơn vị mình công tác hoặc có xung đột lợi ích.</p>',
    );
  } else {
    out.push(
      `<ul class="dash">${d.conflictsOfInterest
        .map(
          (c) =>
            `<li>${esc(c.member)} — ${esc(c.unit)}: ${esc(c.description)}${c.resolution ? `; ${esc(c.resolution)}` : ''}.</li>`,
        )
        .join('')}</ul>`,
    );
  }

  h2('Kết luận');
  const conclusions =
    d.conclusions.length > 0
      ? d.conclusions
      : [
          `Hội đồng thẩm định thống nhất kết quả thẩm định Chỉ số CCHC năm ${year} của ${d.appraised.units} cơ quan, đơn vị như trên.`,
          'Giao cơ quan thường trực Hội đồng tổng hợp, hoàn chỉnh kết quả, báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định công bố.',
        ];
  for (const c of conclusions) out.push(`<p>${escLines(c)}</p>`);
  if (d.auditHead) {
    const a = d.auditHead;
    out.push(
      `<p class="audit-head">Mã băm nhật ký kiểm tra ${a.finalised ? 'khi chốt kết quả' : 'tại thời điểm in'} (dòng số ${a.seq}): <span class="hash" style="word-break:break-all">${esc(a.hash)}</span>${
        a.snapshotHash
          ? `; mã băm bản chốt kết quả: <span class="hash" style="word-break:break-all">${esc(a.snapshotHash)}</span>`
          : ''
      }.</p>`,
    );
  }
  const end = d.endsAt ? timeText(d.endsAt) : null;
  out.push(
    `<p>Cuộc họp kết thúc vào lúc ${esc(end ?? '… giờ … phút')} cùng ngày. Biên bản được lập thành ${esc(
      d.copies ? String(d.copies).padStart(2, '0') : '…',
    )} bản, đã được đọc lại cho các thành viên dự họp cùng nghe và thống nhất thông qua./.</p>`,
  );
  out.push(
    signaturesHtml([
      { title: 'Thư ký', name: d.secretary.name },
      { title: 'Chủ tịch Hội đồng', name: d.chair.name },
    ]),
  );
  out.push(
    final
      ? `<p class="snapshot" style="font-size:10pt;margin-top:12pt">Kết quả đã được chốt${r.status.finalisedAt ? ` ngày ${esc(formatIsoDate(r.status.finalisedAt))}` : ''}; mã kiểm tra (SHA-256) của bản chốt kết quả: <span style="word-break:break-all">${esc(r.status.snapshotHash ?? '')}</span>.</p>`
      : '<p class="snapshot" style="font-size:10pt;margin-top:12pt"><b>DỰ THẢO</b>: kết quả tạm tính, Hội đồng chưa chốt kết quả; biên bản chỉ ký sau khi chốt.</p>',
  );
  return out.join('\n');
}

/** The first page's mark while the results are not finalised. */
const DRAFT_MARK =
  '<p class="draft-mark" style="text-align:center;font-weight:bold;font-size:16pt;letter-spacing:2pt;border:1.5pt solid #000;width:40%;margin:6pt auto">DỰ THẢO</p><p style="text-align:center;font-style:italic;margin-top:0">Kết quả tạm tính — Hội đồng chưa chốt kết quả</p>';

export function minutesHtml(d: MinutesData, o: MinutesOptions): string {
  return documentHtml({
    title: `Biên bản họp Hội đồng thẩm định ${d.report.cycle.year}`,
    fontCss: o.fontCss,
    body: minutesBody(d, o),
  });
}
