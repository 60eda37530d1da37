/**
 * Document generation: the council's minutes, the per-unit appraisal sheets, preliminary
 * results notices and feedback sheets, as HTML (pure templates in shared/report/html) and
 * as PDF through a PdfPrinter; charts as SVG in the documents and as PNG on request.
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type BarChartData, barChartSvg } from '../../../shared/report/charts.ts';
import { documentHtml } from '../../../shared/report/html/decree30-page.ts';
import { type MinutesOptions, minutesHtml } from '../../../shared/report/html/minutes.ts';
import { type UnitSheetKind, type UnitSheetRequest, unitSheetsHtml } from '../../../shared/report/html/unit-sheets.ts';
import type { Db } from '../db/connection.ts';
import { listUnits } from '../db/repos/units.ts';
import { drilldownOf } from '../report/drilldown.ts';
import type { Meeting } from '../report/meeting.ts';
import { loadMinutesSource, minutesDataOf, unitSheetContext } from '../report/minutes.ts';
import { documentFontCss } from './fonts.ts';
import type { PdfPrinter, PngRenderer } from './printer.ts';

export interface MinutesDocumentOptions extends Omit<MinutesOptions, 'fontCss'> {
  /** Meeting details for this print only (not stored). */
  readonly meeting?: Partial<Meeting>;
  /** @font-face CSS; defaults to the shipped Tinos. */
  readonly fontCss?: string;
}

export function minutesDocumentHtml(db: Db, cycleId: string, options: MinutesDocumentOptions = {}): string {
  const src = loadMinutesSource(db, cycleId);
  const data = minutesDataOf(db, src, options.meeting);
  return minutesHtml(data, { ...options, fontCss: options.fontCss ?? documentFontCss() });
}

export async function minutesPdf(
  db: Db,
  cycleId: string,
  printer: PdfPrinter,
  options: MinutesDocumentOptions = {},
): Promise<Uint8Array> {
  await printer.warmUp?.(); // a browser starts while the document is built
  return printer.printToPdf(minutesDocumentHtml(db, cycleId, options));
}

export interface UnitSheetsOptions {
  readonly kind?: UnitSheetKind;
  /** For notices: the round (1 or 2). */
  readonly round?: 1 | 2;
  /** For round-1 notices: the deadline for the revised self-assessment ("dd/mm/yyyy"). */
  readonly deadline?: string;
  readonly fontCss?: string;
}

/** Resolves unit ids, exact names, or 'all' (every unit of the cycle, in the store's order). */
export function resolveUnits(db: Db, cycleId: string, wanted: readonly string[] | 'all'): string[] {
  const units = listUnits(db, cycleId);
  if (wanted === 'all') return units.map((u) => u.id);
  return wanted.map((w) => {
    const key = w.normalize('NFC').trim();
    const hit =
      units.find((u) => u.id === key) ??
      units.find((u) => u.name.toLocaleLowerCase('vi') === key.toLocaleLowerCase('vi'));
    if (!hit) throw new CodedFailure('UNIT_NOT_FOUND', `Không tìm thấy đơn vị “${w}” trong kỳ đánh giá.`, { unit: w });
    return hit.id;
  });
}

export function unitSheetsDocumentHtml(
  db: Db,
  cycleId: string,
  unitIds: readonly string[],
  options: UnitSheetsOptions = {},
): string {
  const src = loadMinutesSource(db, cycleId);
  const kind = options.kind ?? 'appraisal';
  const requests: UnitSheetRequest[] = unitIds.map((id) => ({
    drilldown: drilldownOf(db, src.ctx, src.report, id),
    context: unitSheetContext(db, src, id, options.deadline ? { deadline: options.deadline } : {}),
    kind,
    ...(options.round ? { round: options.round } : {}),
  }));
  return unitSheetsHtml(requests, options.fontCss ?? documentFontCss());
}

export async function unitSheetsPdf(
  db: Db,
  cycleId: string,
  unitIds: readonly string[],
  printer: PdfPrinter,
  options: UnitSheetsOptions = {},
): Promise<Uint8Array> {
  await printer.warmUp?.();
  return printer.printToPdf(unitSheetsDocumentHtml(db, cycleId, unitIds, options));
}

/** A chart as a PNG image (the same SVG the documents print). */
export async function chartPng(chart: BarChartData, renderer: PngRenderer, width = 900): Promise<Uint8Array> {
  const html = documentHtml({
    title: chart.title,
    fontCss: documentFontCss(),
    body: `<div style="width:${width}px;padding:8px;background:#fff">${barChartSvg(chart)}</div>`,
    extraCss: 'html{font-size:12pt} body{margin:0}',
  });
  return renderer.renderPng(html, width + 16);
}
