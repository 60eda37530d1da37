/**
 * The report's charts as data (for chart.js on the screens) and as SVG (drawn here, for
 * the printed documents, so that their text is real text in the PDF and in the embedded
 * font): indices per group with the classification bounds, field averages per group,
 * this year against the previous one.
 */
import { esc } from './html/escape.ts';
import { formatNumber } from '../format/vi.ts';
import type { Report } from './types.ts';

interface ChartSeries {
  readonly label: string;
  /** Percent values; null where there is none (no previous-year index). */
  readonly values: readonly (number | null)[];
}

interface ChartBound {
  readonly value: number;
  readonly label: string;
}

export interface BarChartData {
  readonly key: string;
  readonly title: string;
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Reference lines across the value axis: the classification bounds. */
  readonly bounds: readonly ChartBound[];
  readonly min: number;
  readonly max: number;
  readonly unit: '%';
}

export interface ReportCharts {
  readonly indicesByGroup: readonly BarChartData[];
  readonly fieldAveragesByGroup: readonly BarChartData[];
  /** Empty when no previous-year results were imported. */
  readonly yearOnYear: readonly BarChartData[];
}

const CLASSIFICATION_BOUNDS: readonly ChartBound[] = [
  { value: 50, label: '50%' },
  { value: 65, label: '65%' },
  { value: 80, label: '80%' },
  { value: 90, label: '90%' },
];

const num = (d: string | null): number | null => (d === null ? null : Number(d));

export function reportCharts(report: Report): ReportCharts {
  const year = report.cycle.year;
  const indicesByGroup = report.groups.map(
    (g): BarChartData => ({
      key: `index.${g.group}`,
      title: `Chỉ số CCHC năm ${year}: ${g.label}`,
      labels: g.rows.map((r) => r.unit),
      series: [{ label: `Chỉ số CCHC ${year}`, values: g.rows.map((r) => Number(r.index)) }],
      bounds: CLASSIFICATION_BOUNDS,
      min: 0,
      max: 100,
      unit: '%',
    }),
  );
  const fieldAveragesByGroup = report.groups.map(
    (g): BarChartData => ({
      key: `fields.${g.group}`,
      title: `Tỷ lệ điểm trung bình theo lĩnh vực: ${g.label}`,
      labels: g.fieldStats.map((f) => `${f.code}. ${f.title}`),
      series: [{ label: `Trung bình ${year}`, values: g.fieldStats.map((f) => Number(f.averagePercent)) }],
      bounds: [],
      min: 0,
      max: 100,
      unit: '%',
    }),
  );
  const py = report.previousYear;
  const yearOnYear =
    py === null
      ? []
      : report.groups
          .filter((g) => g.rows.some((r) => r.previousIndex !== null))
          .map(
            (g): BarChartData => ({
              key: `yoy.${g.group}`,
              title: `Chỉ số CCHC năm ${year} so với năm ${py}: ${g.label}`,
              labels: g.rows.map((r) => r.unit),
              series: [
                { label: `Năm ${py}`, values: g.rows.map((r) => num(r.previousIndex)) },
                { label: `Năm ${year}`, values: g.rows.map((r) => Number(r.index)) },
              ],
              bounds: CLASSIFICATION_BOUNDS,
              min: 0,
              max: 100,
              unit: '%',
            }),
          );
  return { indicesByGroup, fieldAveragesByGroup, yearOnYear };
}

export interface SvgOptions {
  /** viewBox width in px (the SVG scales to its container). */
  readonly width?: number;
  readonly labelWidth?: number;
  readonly barHeight?: number;
  readonly fontSize?: number;
  readonly fontFamily?: string;
  readonly colors?: readonly string[];
}

/** Series colours: the previous year light, this year dark (the last series is the current one). */
const SERIES_COLORS = ['#1f4e79', '#9dc3e6'] as const;

/** Cuts a label to roughly fit `px` at the font size (Tinos averages about half an em per character). */
function fitLabel(text: string, px: number, fontSize: number): string {
  const maxChars = Math.max(4, Math.floor(px / (fontSize * 0.47)));
  const chars = [...text];
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars - 1).join('')}…`;
}

/** A horizontal bar chart as an SVG string (long Vietnamese unit names read best this way). */
export function barChartSvg(chart: BarChartData, options: SvgOptions = {}): string {
  const W = options.width ?? 640;
  const fs = options.fontSize ?? 11;
  const labelW = options.labelWidth ?? Math.round(W * 0.42);
  const barH = options.barHeight ?? (chart.series.length > 1 ? 10 : 12);
  const gap = 6;
  const font = options.fontFamily ?? "'Tinos', 'Times New Roman', serif";
  const nSeries = chart.series.length;
  const colors =
    options.colors ??
    (nSeries > 1 ? chart.series.map((_, i) => SERIES_COLORS[nSeries - 1 - i] ?? '#777') : [SERIES_COLORS[0]]);
  const rowH = nSeries * barH + gap;
  const top = 40 + (nSeries > 1 ? 16 : 0);
  const plotX = labelW + 8;
  const plotW = W - plotX - 40;
  const H = top + chart.labels.length * rowH + 22;
  const x = (v: number) =>
    plotX + ((Math.min(Math.max(v, chart.min), chart.max) - chart.min) / (chart.max - chart.min)) * plotW;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(chart.title)}" font-family="${esc(font)}" font-size="${fs}">`,
  );
  out.push(
    `<text x="${W / 2}" y="14" text-anchor="middle" font-weight="bold" font-size="${fs + 1}">${esc(chart.title)}</text>`,
  );
  if (nSeries > 1) {
    let lx = plotX;
    chart.series.forEach((s, i) => {
      out.push(`<rect x="${lx}" y="${top - 22}" width="10" height="10" fill="${colors[i]}"/>`);
      out.push(`<text x="${lx + 14}" y="${top - 13}">${esc(s.label)}</text>`);
      lx += 24 + s.label.length * fs * 0.5;
    });
  }
  // value grid every 10%
  const bottom = top + chart.labels.length * rowH;
  for (let v = chart.min; v <= chart.max; v += 10) {
    out.push(
      `<line x1="${x(v).toFixed(1)}" y1="${top - 4}" x2="${x(v).toFixed(1)}" y2="${bottom}" stroke="#e3e3e3" stroke-width="0.6"/>`,
    );
    out.push(
      `<text x="${x(v).toFixed(1)}" y="${bottom + 12}" text-anchor="middle" fill="#555" font-size="${fs - 1}">${v}</text>`,
    );
  }
  chart.labels.forEach((label, i) => {
    const y0 = top + i * rowH;
    out.push(
      `<text x="${labelW}" y="${(y0 + (nSeries * barH) / 2 + fs * 0.35).toFixed(1)}" text-anchor="end">${esc(fitLabel(label, labelW, fs))}</text>`,
    );
    chart.series.forEach((s, k) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const y = y0 + k * barH;
      const w = Math.max(0, x(v) - plotX);
      out.push(`<rect x="${plotX}" y="${y}" width="${w.toFixed(1)}" height="${barH - 1}" fill="${colors[k]}"/>`);
      out.push(
        `<text x="${(plotX + w + 3).toFixed(1)}" y="${(y + barH - 2).toFixed(1)}" font-size="${Math.min(fs - 1, barH - 1)}">${esc(formatNumber(v, 2))}</text>`,
      );
    });
  });
  for (const b of chart.bounds) {
    const bx = x(b.value).toFixed(1);
    out.push(
      `<line x1="${bx}" y1="${top - 6}" x2="${bx}" y2="${bottom}" stroke="#c00000" stroke-width="0.8" stroke-dasharray="3 2"/>`,
    );
    out.push(
      `<text x="${bx}" y="${top - 8}" text-anchor="middle" fill="#c00000" font-size="${fs - 2}">${esc(b.label)}</text>`,
    );
  }
  out.push(`<line x1="${plotX}" y1="${top - 4}" x2="${plotX}" y2="${bottom}" stroke="#333" stroke-width="0.8"/>`);
  out.push('</svg>');
  return out.join('');
}
