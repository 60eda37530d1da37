/**
 * One of the report's bar charts drawn by chart.js: horizontal bars (long Vietnamese unit
 * names read best this way), values in vi-VN at the end of each bar, the classification
 * bounds as labelled red dashed lines, a white background so that the PNG export is the
 * chart as seen. Index charts colour each bar by the unit's classification group.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Colors,
  Legend,
  LinearScale,
  Title,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { BarChartData } from '../../../shared/report/charts.ts';
import { formatNumber } from '../../../shared/format/vi.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend, Title, Colors);

/** The classification colours of the app (styles.css --c1…--c5). */
export const CLASS_COLORS: Readonly<Record<number, string>> = {
  1: '#17663d',
  2: '#0b627c',
  3: '#c08a1e',
  4: '#d0681c',
  5: '#b42318',
};
/** Previous year light, this year dark (as in the printed documents). */
const SERIES = ['#9dc3e6', '#1f4e79'];
const FONT = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', Arimo, 'Liberation Sans', sans-serif";

function classOf(v: number): number {
  // On the published value (2 decimals): above 90 → 1; 80–90 → 2; 65 → 3; 50 → 4.
  if (v > 90) return 1;
  if (v >= 80) return 2;
  if (v >= 65) return 3;
  if (v >= 50) return 4;
  return 5;
}

const whiteBackground: Plugin<'bar'> = {
  id: 'cchcBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

function boundLines(bounds: BarChartData['bounds']): Plugin<'bar'> {
  return {
    id: 'cchcBounds',
    // Under the bars: a bar's end shows where it stands; the labels stay readable.
    beforeDatasetsDraw(chart) {
      const x = chart.scales['x'];
      const area = chart.chartArea;
      if (!x || !area) return;
      const { ctx } = chart;
      ctx.save();
      for (const b of bounds) {
        const px = x.getPixelForValue(b.value);
        ctx.strokeStyle = '#c00000';
        ctx.lineWidth = 1.2;
        ctx.setLineDash([5, 4]);
        ctx.beginPath();
        ctx.moveTo(px, area.top - 4);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = '#c00000';
        ctx.font = `600 12px ${FONT}`;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'bottom';
        ctx.fillText(b.label.replace('.', ','), px, area.top - 6);
      }
      ctx.restore();
    },
  };
}

const valueLabels: Plugin<'bar'> = {
  id: 'cchcValues',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = `11px ${FONT}`;
    ctx.fillStyle = '#1b2430';
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 3;
    ctx.lineJoin = 'round';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    chart.data.datasets.forEach((ds, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) return;
      meta.data.forEach((bar, k) => {
        const v = ds.data[k];
        if (typeof v !== 'number') return;
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        const text = formatNumber(v, 2);
        ctx.strokeText(text, x + 4, y);
        ctx.fillText(text, x + 4, y);
      });
    });
    ctx.restore();
  },
};

export interface BarChartHandle {
  /** The chart as a PNG (base64, without the data: prefix). */
  png(): string | null;
}

export const BarChart = forwardRef<BarChartHandle, { chart: BarChartData; colorByClass?: boolean; testId?: string }>(
  function BarChart({ chart, colorByClass, testId }, ref) {
    const canvas = useRef<HTMLCanvasElement | null>(null);
    const instance = useRef<Chart<'bar'> | null>(null);

    useImperativeHandle(ref, () => ({
      png: () => instance.current?.toBase64Image('image/png').replace(/^data:image\/png;base64,/, '') ?? null,
    }));

    useEffect(() => {
      if (!canvas.current) return;
      const multi = chart.series.length > 1;
      const config: ChartConfiguration<'bar', (number | null)[], string> = {
        type: 'bar',
        data: {
          labels: [...chart.labels],
          datasets: chart.series.map((s, i) => ({
            label: s.label,
            data: [...s.values],
            backgroundColor: multi
              ? (SERIES[i] ?? '#777')
              : colorByClass
                ? s.values.map((v) => CLASS_COLORS[classOf(v ?? 0)]!)
                : '#1f4e79',
            borderRadius: 2,
            barPercentage: multi ? 0.9 : 0.75,
            categoryPercentage: multi ? 0.8 : 0.85,
          })),
        },
        options: {
          indexAxis: 'y',
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          devicePixelRatio: Math.max(2, window.devicePixelRatio || 1),
          layout: { padding: { top: 18, right: 48 } },
          font: { family: FONT },
          scales: {
            x: {
              min: chart.min,
              max: chart.max,
              ticks: { stepSize: 10, callback: (v) => `${v}%`, font: { family: FONT, size: 11 } },
              grid: { color: '#e6eaef' },
            },
            y: {
              ticks: { autoSkip: false, font: { family: FONT, size: 12 }, color: '#1b2430' },
              grid: { display: false },
            },
          },
          plugins: {
            title: {
              display: true,
              text: chart.title,
              font: { family: FONT, size: 15, weight: 'bold' },
              color: '#1b2430',
              padding: { bottom: 24 },
            },
            legend: { display: multi, position: 'bottom', labels: { font: { family: FONT, size: 12 } } },
            tooltip: {
              callbacks: {
                label: (c) => `${c.dataset.label}: ${typeof c.raw === 'number' ? formatNumber(c.raw, 2) : '—'}%`,
              },
            },
            colors: { enabled: !colorByClass && !multi },
          },
        },
        plugins: [whiteBackground, boundLines(chart.bounds), valueLabels],
      };
      const c = new Chart(canvas.current, config);
      instance.current = c;
      return () => {
        c.destroy();
        instance.current = null;
      };
    }, [chart, colorByClass]);

    const rowPx = chart.series.length > 1 ? 38 : 28;
    const height = Math.max(260, 110 + chart.labels.length * rowPx);
    return (
      <div className="r-chart" style={{ height }} data-testid={testId}>
        <canvas ref={canvas} role="img" aria-label={chart.title} />
      </div>
    );
  },
);
