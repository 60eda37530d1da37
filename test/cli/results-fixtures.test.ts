/**
 * `results --summary` on the two 2023 Sóc Trăng summary tables, in the fixture CSVs, as
 * .xlsx, and as a CSV written the way a Vietnamese spreadsheet would: same results.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CliRun,
  type ResultsJson,
  DISTRICTS_CSV,
  PUBLIC_UNITS_CSV,
  cli,
  plainCsvRows,
  summaries,
  tempDir,
} from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

interface FixtureRow {
  unit: string;
  group: string;
  benchmark_max: string;
  self_assessed: string;
  survey_cbccvc: string;
  survey_sipas: string;
  published_total: string;
  published_index_percent: string;
}

function fixtureRows(path: string): FixtureRow[] {
  const [header, ...rows] = plainCsvRows(readFileSync(path, 'utf8'));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])) as unknown as FixtureRow);
}

const DISTRICTS = fixtureRows(DISTRICTS_CSV);
const PUBLIC_UNITS = fixtureRows(PUBLIC_UNITS_CSV);
const ALL = [...DISTRICTS, ...PUBLIC_UNITS];

/** Classification from a published "83.84" with the bounds (in hundredths, to stay exact). */
function expectedClassification(published: string): number {
  const h = Math.round(Number(published) * 100);
  if (h > 9000) return 1;
  if (h >= 8000) return 2;
  if (h >= 6500) return 3;
  if (h >= 5000) return 4;
  return 5;
}

/** Competition rank (1, 1, 3) of the published column within the unit's group. */
function expectedRankInGroup(row: FixtureRow): number {
  const mine = Math.round(Number(row.published_index_percent) * 100);
  return (
    1 + ALL.filter((r) => r.group === row.group && Math.round(Number(r.published_index_percent) * 100) > mine).length
  );
}

function parse(run: CliRun): ResultsJson {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ResultsJson;
}

let baseline: CliRun;
beforeAll(async () => {
  baseline = await cli('results', ...summaries(DISTRICTS_CSV, PUBLIC_UNITS_CSV));
});

describe('results --summary on the 2023 fixture tables', () => {
  it('matches every published index within 0.01, with its classification and rank in group', () => {
    const out = parse(baseline);
    expect(out.units).toHaveLength(ALL.length);
    for (const row of ALL) {
      const u = out.units.find((x) => x.unit === row.unit);
      expect(u, row.unit).toBeDefined();
      expect(u!.group).toBe(row.group);
      expect(Math.abs(u!.index - Number(row.published_index_percent)), row.unit).toBeLessThanOrEqual(0.01 + 1e-9);
      expect(u!.classification, row.unit).toBe(expectedClassification(row.published_index_percent));
      expect(u!.rankInGroup, row.unit).toBe(expectedRankInGroup(row));
      expect(u!.benchmark).toBe(Number(row.benchmark_max));
      expect(u!.selfAssessed).toBe(Number(row.self_assessed));
    }
  });

  it('publishes the group averages exactly: 77.08 (districts) and 76.20 (76.195 half up, not 76.19)', () => {
    const out = parse(baseline);
    const g = Object.fromEntries(out.groups.map((x) => [x.group, x]));
    expect(g.district!.average).toBe(77.08);
    expect(g.public_service_unit!.average).toBe(76.2);
    expect(baseline.stdout).toContain('"average":77.08');
    expect(baseline.stdout).toContain('"average":76.20');
    expect(g.district!.count).toBe(11);
    expect(g.public_service_unit!.count).toBe(4);
    expect(out.overall.count).toBe(15);
  });

  it('gives highest, lowest, spread and counts per group, and ranks overall across both files', () => {
    const out = parse(baseline);
    const d = out.groups.find((x) => x.group === 'district')!;
    expect(d.highest).toEqual({ unit: 'UBND huyện Mỹ Xuyên', index: 83.84 });
    expect(d.lowest.unit).toBe('UBND thị xã Vĩnh Châu');
    expect(Math.round(d.spread * 100)).toBe(Math.round(d.highest.index * 100) - Math.round(d.lowest.index * 100));
    expect(Object.values(d.classificationCounts).reduce((a, b) => a + b, 0)).toBe(11);
    expect(Object.keys(out.overall.classificationCounts)).toEqual(['1', '2', '3', '4', '5']);
    const overallRanks = out.units.map((u) => u.rankOverall).sort((a, b) => a - b);
    expect(overallRanks).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    // The public-service unit at 88.xx tops both files.
    expect(out.units.find((u) => u.unit === 'Ban Quản lý Dự án 2')!.rankOverall).toBe(1);
  });

  it('prints the documented keys in order, numbers as JSON numbers', () => {
    const out = parse(baseline);
    expect(Object.keys(out)).toEqual(['units', 'groups', 'overall']);
    expect(Object.keys(out.units[0]!)).toEqual([
      'unit',
      'group',
      'benchmark',
      'selfAssessed',
      'survey',
      'total',
      'index',
      'classification',
      'rankInGroup',
      'rankOverall',
    ]);
    expect(Object.keys(out.groups[0]!)).toEqual([
      'group',
      'count',
      'average',
      'highest',
      'lowest',
      'spread',
      'classificationCounts',
    ]);
    expect(Object.keys(out.overall)).toEqual(['count', 'average', 'classificationCounts']);
    const my = out.units[0]!;
    expect(my).toMatchObject({
      unit: 'UBND huyện Mỹ Xuyên',
      benchmark: 94,
      selfAssessed: 51.34,
      survey: 27.47,
      total: 78.81,
      index: 83.84,
    });
    expect(baseline.stdout.endsWith('\n')).toBe(true);
  });

  it('publishes with --precision decimals', async () => {
    const run = await cli('results', ...summaries(DISTRICTS_CSV), '--precision', '3');
    const out = parse(run);
    expect(run.stdout).toContain('"index":83.840'); // 78.81 / 94 = 83.8404…
    expect(out.units.every((u) => Number.isFinite(u.index))).toBe(true);
  });

  it('--format table prints the report tables in Vietnamese', async () => {
    const run = await cli('results', ...summaries(DISTRICTS_CSV, PUBLIC_UNITS_CSV), '--format', 'table');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const t = run.stdout;
    for (const s of [
      'TRUNG BÌNH',
      '77,08',
      '76,20',
      'UBND CẤP HUYỆN',
      'ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP TỈNH',
      'STT',
      'Đơn vị',
      'Điểm chuẩn tối đa',
      'Điểm tự đánh giá',
      'Khảo sát CBCCVC',
      'Chỉ số SIPAS',
      'Tổng điểm đạt được',
      'Chỉ số CCHC (%)',
      'Xếp nhóm',
      'Xếp hạng',
      '83,84',
      '94,00',
      '51,34',
    ]) {
      expect(t, s).toContain(s);
    }
    expect(t).not.toContain('76,19');
    expect(t).toMatch(/Số đơn vị: 15/);
    expect(t).toMatch(/Nhóm 2 \(từ 80% đến 90%\): 3 đơn vị/);
    // Sorted by index: Mỹ Xuyên first among districts, Vĩnh Châu last.
    expect(t.indexOf('UBND huyện Mỹ Xuyên')).toBeLessThan(t.indexOf('UBND huyện Long Phú'));
    expect(t.indexOf('UBND huyện Trần Đề')).toBeLessThan(t.indexOf('UBND thị xã Vĩnh Châu'));
    // Every table line has its column bars at the same character positions (NFC code points).
    for (const block of t.split(/\n\s*\n/)) {
      const lines = block.split('\n').filter((l) => l.includes(' | '));
      if (lines.length === 0) continue;
      const bars = (l: string) => [...l.normalize('NFC')].flatMap((ch, i) => (ch === '|' ? [i] : []));
      const want = bars(lines[0]!);
      expect(want.length).toBe(9);
      for (const l of lines) expect(bars(l), l).toEqual(want);
    }
  });
});

describe('the same tables in other shapes give the same output', () => {
  it('.xlsx written with exceljs (numbers as numeric cells, a formula cell, extra columns)', async () => {
    const paths: string[] = [];
    for (const [name, rows] of [
      ['districts.xlsx', DISTRICTS],
      ['public-units.xlsx', PUBLIC_UNITS],
    ] as const) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Tổng hợp');
      ws.addRow([
        'unit',
        'group',
        'benchmark_max',
        'self_assessed',
        'survey_cbccvc',
        'survey_sipas',
        'published_total',
        'published_index_percent',
      ]);
      rows.forEach((r, i) => {
        ws.addRow([
          r.unit,
          r.group,
          Number(r.benchmark_max),
          Number(r.self_assessed),
          Number(r.survey_cbccvc),
          Number(r.survey_sipas),
          Number(r.published_total),
          Number(r.published_index_percent),
        ]);
        if (i === 0) {
          // A formula cell: its cached result is what counts.
          ws.getCell(2, 4).value = { formula: `ROUND(${r.self_assessed},2)`, result: Number(r.self_assessed) };
        }
      });
      wb.addWorksheet('Khác').addRow(['unrelated']);
      paths.push(tmp.file(name, new Uint8Array(await wb.xlsx.writeBuffer())));
    }
    const run = await cli('results', ...summaries(...paths));
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(baseline.stdout);
  });

  it('.xlsx with Vietnamese headers, an STT column, text numbers with a decimal comma and Vietnamese group labels', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow([
      'STT',
      'Tên đơn vị',
      'Khối',
      'Điểm chuẩn tối đa',
      'Điểm tự đánh giá',
      'Khảo sát CBCCVC',
      'Chỉ số SIPAS',
      'Tổng điểm đạt được',
    ]);
    ALL.forEach((r, i) =>
      ws.addRow([
        i + 1,
        { richText: [{ text: r.unit }] },
        r.group === 'district' ? 'UBND cấp huyện' : 'đơn vị sự nghiệp công lập tỉnh',
        r.benchmark_max.replace('.', ','),
        Number(r.self_assessed),
        r.survey_cbccvc,
        Number(r.survey_sipas),
        { formula: `SUM(E${i + 2}:G${i + 2})`, result: Number(r.published_total) },
      ]),
    );
    const path = tmp.file('both.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const run = await cli('results', '--summary', path);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(baseline.stdout);
  });

  it('CSV with BOM, CRLF, quoted fields, Vietnamese headers and numbers, an extra column', async () => {
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const vi = (s: string) => q(s.replace('.', ','));
    const write = (name: string, rows: FixtureRow[], label: string) => {
      const lines = [
        ['Ghi chú', 'Đơn vị', 'Điểm chuẩn tối đa', 'Nhóm', 'Điểm tự đánh giá', 'Khảo sát CBCCVC', 'Chỉ số SIPAS']
          .map(q)
          .join(','),
      ];
      rows.forEach((r, i) =>
        lines.push(
          [
            q(i === 0 ? 'Có dấu phẩy, "ngoặc kép"\r\nvà xuống dòng' : ''),
            q(r.unit),
            vi(r.benchmark_max),
            q(label),
            vi(r.self_assessed),
            vi(r.survey_cbccvc),
            vi(r.survey_sipas),
          ].join(','),
        ),
      );
      return tmp.file(name, `\uFEFF${lines.join('\r\n')}\r\n\r\n`);
    };
    const a = write('huyen.csv', DISTRICTS, 'UBND cấp huyện');
    const b = write('su-nghiep.csv', PUBLIC_UNITS, 'Đơn vị sự nghiệp công lập tỉnh');
    const run = await cli('results', ...summaries(a, b));
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(baseline.stdout);
  });

  it('CSV separated by semicolons (spreadsheets with Vietnamese list settings), LF, unit names in NFD', async () => {
    const rows = ['unit;group;benchmark_max;self_assessed;survey_cbccvc;survey_sipas'];
    for (const r of ALL)
      rows.push(
        [r.unit.normalize('NFD'), r.group, r.benchmark_max, r.self_assessed, r.survey_cbccvc, r.survey_sipas]
          .map((s) => s.replace('.', ','))
          .join(';'),
      );
    const path = tmp.file('semicolon.csv', `${rows.join('\n')}\n`);
    const run = await cli('results', '--summary', path);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(baseline.stdout);
  });
});
