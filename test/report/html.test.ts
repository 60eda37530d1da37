import { describe, expect, it } from 'vitest';
import { barChartSvg, reportCharts } from '../../shared/report/charts.ts';
import { headerHtml, placeDateText, signaturesHtml } from '../../shared/report/html/decree30-page.ts';
import { esc } from '../../shared/report/html/escape.ts';
import { summaryTableHtml } from '../../shared/report/html/report-tables.ts';
import { buildReport } from '../../shared/report/tables.ts';
import { fixtureInput } from './fixture.ts';

describe('document templates and charts', () => {
  it('escapes data everywhere', () => {
    expect(esc(`<b a="1">'&'</b>`)).toBe('&lt;b a=&quot;1&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;');
    const input = fixtureInput();
    const evil = {
      ...input,
      units: input.units.map((u, i) => (i === 0 ? { ...u, name: '<script>alert(1)</script>' } : u)),
    };
    const report = buildReport(evil);
    const g = report.groups.find((x) => x.group === 'district')!;
    const html = summaryTableHtml(report, g);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const svg = barChartSvg(reportCharts(report).indicesByGroup[0]!);
    expect(svg).not.toContain('<script>');
  });

  it('writes the national heading, the issuer and the place and date line', () => {
    const h = headerHtml({
      issuerParent: 'UBND tỉnh Sóc Trăng',
      issuer: 'Hội đồng thẩm định',
      number: 'Số: 01/BB-HĐTĐ',
      place: 'Sóc Trăng',
      date: { year: 2024, month: 3, day: 5 },
    });
    expect(h).toContain('UBND TỈNH SÓC TRĂNG');
    expect(h).toContain('HỘI ĐỒNG THẨM ĐỊNH');
    expect(h).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(h).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(h).toContain('Sóc Trăng, ngày 05 tháng 3 năm 2024');
    expect(placeDateText('Sóc Trăng', { year: 2024, month: 1, day: 15 })).toBe('Sóc Trăng, ngày 15 tháng 01 năm 2024');
    expect(placeDateText('Sóc Trăng', null)).toBe('Sóc Trăng, ngày … tháng … năm …');
    const s = signaturesHtml([
      { title: 'Thư ký', name: 'A' },
      { on: 'TM. Hội đồng thẩm định', title: 'Chủ tịch', name: 'B' },
    ]);
    expect(s).toContain('THƯ KÝ');
    expect(s).toContain('TM. HỘI ĐỒNG THẨM ĐỊNH');
  });

  it('gives chart data with the classification bounds, and the year-on-year chart only with previous results', () => {
    const report = buildReport(fixtureInput());
    const charts = reportCharts(report);
    expect(charts.indicesByGroup.map((c) => c.key)).toEqual(['index.district', 'index.public_service_unit']);
    expect(charts.indicesByGroup[0]!.series[0]!.values[0]).toBe(83.84);
    expect(charts.indicesByGroup[0]!.bounds.map((b) => b.value)).toEqual([50, 65, 80, 90]);
    expect(charts.yearOnYear).toEqual([]);
    const withPrev = reportCharts(buildReport(fixtureInput(new Map([['UBND huyện Mỹ Xuyên', 8100n]]))));
    expect(withPrev.yearOnYear).toHaveLength(1);
    expect(withPrev.yearOnYear[0]!.series.map((s) => s.label)).toEqual(['Năm 2022', 'Năm 2023']);
    expect(withPrev.yearOnYear[0]!.series[0]!.values.slice(0, 2)).toEqual([81, null]);
    const svg = barChartSvg(withPrev.yearOnYear[0]!);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 640 \d+"/);
    expect(svg).toContain('83,84');
  });
});
