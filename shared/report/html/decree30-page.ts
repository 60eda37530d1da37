/**
 * The frame of an administrative document in the form of Decree 30/2020/NĐ-CP, as an
 * HTML string for Chromium's print-to-PDF: A4, margins top 20 mm, bottom 20 mm, left
 * 30 mm, right 15 mm; a Times-compatible font (Tinos, given as @font-face CSS by the
 * caller so that the PDF embeds it whatever the system has); the header with the issuing
 * body on the left and the national heading on the right; the place and date line in
 * italics; the title in bold capitals; signature blocks; "Nơi nhận"; page numbers at the
 * top centre from the second page on (CSS page margin boxes, Chromium ≥ 131).
 */
import { esc } from './escape.ts';

export interface DocDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface DocumentHeader {
  /** "UBND TỈNH SÓC TRĂNG" */
  readonly issuerParent: string;
  /** "HỘI ĐỒNG THẨM ĐỊNH" */
  readonly issuer: string;
  /** "Số: 01/BB-HĐTĐ" (may be empty). */
  readonly number: string;
  /** "Sóc Trăng" */
  readonly place: string;
  /** null prints "ngày … tháng … năm …" to be filled by hand. */
  readonly date: DocDate | null;
}

export interface SignatureBlock {
  /** "TM. HỘI ĐỒNG THẨM ĐỊNH" (optional line above the title). */
  readonly on?: string;
  /** "CHỦ TỊCH", "THƯ KÝ" */
  readonly title: string;
  readonly name: string;
}

const PAGE_CSS = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm;
  @top-center { content: counter(page); font-family: 'Tinos', 'Times New Roman', serif; font-size: 13pt; vertical-align: middle; } }
@page :first { @top-center { content: none; } }
html { font-family: 'Tinos', 'Times New Roman', 'Liberation Serif', serif; font-size: 14pt; line-height: 1.3; color: #000; }
body { margin: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
p { margin: 0 0 4pt; text-align: justify; text-indent: 10mm; }
p.flush { text-indent: 0; }
.hdr { width: 100%; border-collapse: collapse; margin-bottom: 8pt; }
.hdr td { vertical-align: top; text-align: center; padding: 0; border: none; }
.hdr td.left { width: 40%; font-size: 13pt; }
.hdr td.right { font-size: 13pt; }
.hdr .issuer-parent { text-transform: uppercase; }
.hdr .issuer { font-weight: bold; text-transform: uppercase; }
.hdr .nation { font-weight: bold; text-transform: uppercase; white-space: nowrap; }
.hdr .motto { font-weight: bold; font-size: 14pt; white-space: nowrap; }
.hdr .rule { display: inline-block; border-bottom: 0.9pt solid #000; padding-bottom: 1pt; }
.hdr .short-rule { display: block; width: 34%; margin: 1pt auto 0; border-top: 0.9pt solid #000; height: 0; }
.hdr .number { margin-top: 4pt; font-size: 13pt; white-space: pre; }
.hdr .placedate { margin-top: 6pt; font-style: italic; font-size: 14pt; }
.title { text-align: center; font-weight: bold; text-transform: uppercase; font-size: 14pt; margin: 10pt 0 0; }
.subtitle { text-align: center; font-weight: bold; font-size: 14pt; margin: 0 0 2pt; }
.title-rule { display: block; width: 22%; margin: 2pt auto 10pt; border-top: 0.9pt solid #000; height: 0; }
.recipient { text-align: center; margin: 4pt 0 10pt; }
h2 { font-size: 14pt; font-weight: bold; margin: 10pt 0 4pt; text-transform: uppercase; break-after: avoid; }
h3 { font-size: 14pt; font-weight: bold; margin: 8pt 0 4pt; break-after: avoid; }
h4 { font-size: 14pt; font-weight: bold; font-style: italic; margin: 6pt 0 3pt; break-after: avoid; }
ul.dash { margin: 0 0 4pt; padding-left: 10mm; list-style: none; }
ul.dash > li { text-align: justify; }
ul.dash > li::before { content: "- "; margin-left: -4mm; }
.basis { font-style: italic; }
table.grid { width: 100%; border-collapse: collapse; font-size: 11pt; line-height: 1.2; margin: 4pt 0 8pt; }
table.grid th, table.grid td { border: 0.6pt solid #000; padding: 2pt 3pt; vertical-align: middle; }
table.grid th { font-weight: bold; text-align: center; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; }
table.grid td.n { text-align: right; white-space: nowrap; }
table.grid td.c { text-align: center; }
table.grid tr.avg td { font-weight: bold; }
table.grid tr.field td { font-weight: bold; background: #eef2f7; }
table.grid tr.criterion td { font-weight: bold; }
table.grid tr.exempt td { color: #555; font-style: italic; }
table.small { font-size: 9.5pt; }
table.sheet td { vertical-align: top; }
table.sheet td.ev { font-size: 8.5pt; }
table.grid caption { caption-side: top; font-weight: bold; font-size: 12pt; padding-bottom: 3pt; }
.note { font-size: 11pt; font-style: italic; }
.chart-box { margin: 4pt 0 10pt; break-inside: avoid; }
.sign { width: 100%; border-collapse: collapse; margin-top: 12pt; break-inside: avoid; }
.sign td { vertical-align: top; text-align: center; padding: 0; border: none; width: 50%; }
.sign .on { font-weight: bold; text-transform: uppercase; font-size: 13pt; }
.sign .role { font-weight: bold; text-transform: uppercase; font-size: 14pt; }
.sign .hint { font-style: italic; font-size: 12pt; }
.sign .space { height: 24mm; }
.sign .name { font-weight: bold; font-size: 14pt; }
.sign td.recipients { text-align: left; font-size: 11pt; }
.sign td.recipients .label { font-weight: bold; font-style: italic; font-size: 12pt; }
.nowrap { white-space: nowrap; }
.keep { break-inside: avoid; }
.lead { text-indent: 0; font-style: italic; break-after: avoid; margin-top: 6pt; }
ul.compact { font-size: 13pt; margin: 0 0 4pt; padding-left: 6mm; list-style: none; }
ul.compact > li { text-align: justify; margin-bottom: 1pt; }
ul.compact > li::before { content: "- "; margin-left: -3mm; }
col.stt { width: 9mm; } col.unit { width: 46mm; }
`;

/** Capitals written out (not left to CSS), so that the PDF's text is in capitals too. */
export function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "Sóc Trăng, ngày 15 tháng 03 năm 2024" (Decree 30: days 1–9 and months 1–2 with a leading zero). */
export function placeDateText(place: string, date: DocDate | null): string {
  if (!date) return `${place}, ngày … tháng … năm …`;
  const month = date.month <= 2 ? pad2(date.month) : String(date.month);
  return `${place}, ngày ${pad2(date.day)} tháng ${month} năm ${date.year}`;
}

export function headerHtml(h: DocumentHeader): string {
  return `<table class="hdr"><tr>
<td class="left"><div class="issuer-parent">${esc(upper(h.issuerParent))}</div><div class="issuer">${esc(upper(h.issuer))}</div><div class="short-rule"></div>${
    h.number ? `<div class="number">${esc(h.number)}</div>` : ''
  }</td>
<td class="right"><div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto"><span class="rule">Độc lập - Tự do - Hạnh phúc</span></div><div class="placedate">${esc(
    placeDateText(h.place, h.date),
  )}</div></td>
</tr></table>`;
}

/** Title in bold capitals, an optional bold subtitle (lower case) and the short rule below. */
export function titleHtml(title: string, subtitle?: string): string {
  return `<div class="title">${esc(upper(title))}</div>${subtitle ? `<div class="subtitle">${esc(subtitle)}</div>` : ''}<div class="title-rule"></div>`;
}

/**
 * Signature blocks side by side (two per row): role in bold capitals, "(Ký, ghi rõ họ tên)",
 * room for the signature, the name in bold. `recipients` puts "Nơi nhận:" in the left cell.
 */
export function signaturesHtml(blocks: readonly SignatureBlock[], recipients?: readonly string[]): string {
  // Names line up: a block without the "TM." line gets an empty one when another block has it.
  const anyOn = blocks.some((b) => b.on);
  const cell = (b: SignatureBlock) =>
    `<td>${b.on ? `<div class="on">${esc(upper(b.on))}</div>` : anyOn ? '<div class="on">&nbsp;</div>' : ''}<div class="role">${esc(upper(b.title))}</div><div class="hint">(Ký, ghi rõ họ tên)</div><div class="space"></div><div class="name">${esc(b.name)}</div></td>`;
  const rows: string[] = [];
  const list = [...blocks];
  if (recipients && recipients.length > 0) {
    const r = `<td class="recipients"><div class="label">Nơi nhận:</div>${recipients.map((x, i) => `<div>- ${esc(x)}${i === recipients.length - 1 ? '.' : ';'}</div>`).join('')}</td>`;
    const first = list.shift();
    rows.push(`<tr>${r}${first ? cell(first) : '<td></td>'}</tr>`);
  }
  for (let i = 0; i < list.length; i += 2) {
    const a = list[i]!;
    const b = list[i + 1];
    rows.push(
      b
        ? `<tr>${cell(a)}${cell(b)}</tr>`
        : list.length === 1 && !recipients?.length
          ? `<tr><td></td>${cell(a)}</tr>`
          : `<tr>${cell(a)}<td></td></tr>`,
    );
  }
  return `<table class="sign">${rows.join('')}</table>`;
}

export interface DocumentShell {
  readonly title: string;
  /** @font-face rules (data: URLs) for 'Tinos'; empty falls back to the system's fonts. */
  readonly fontCss: string;
  readonly body: string;
  readonly extraCss?: string;
}

/** The full HTML page. */
export function documentHtml(d: DocumentShell): string {
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>${esc(d.title)}</title>
<style>${d.fontCss}
${PAGE_CSS}${d.extraCss ?? ''}</style></head>
<body>${d.body}</body></html>`;
}

/** "08 giờ 00 phút, ngày 15 tháng 3 năm 2024" from "2024-03-15T08:00". */
export function timeAndDateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const date = `ngày ${m[3]} tháng ${m[2]} năm ${m[1]}`;
  return m[4] ? `${m[4]} giờ ${m[5]} phút, ${date}` : date;
}

/** "11 giờ 30 phút" from "2024-03-15T11:30". */
export function timeText(iso: string): string | null {
  const m = /[T ](\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[1]} giờ ${m[2]} phút` : null;
}

/** Parses "2024-03-15…" into a DocDate. */
export function docDateOf(iso: string | null | undefined): DocDate | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}
