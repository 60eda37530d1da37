/** The collected workbook (one column of self-scores per unit): read, stored, refused with sheet/row/column; CLI. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { commitCollectedWorkbook, previewCollectedWorkbook } from '../../electron/core/intake/collected.ts';
import { cli } from '../cli/helpers.ts';
import { outcome, tempDirs } from '../db/support.ts';
import { CYCLE, leaves, makeDb, snapshot } from './support.ts';
import type { FrameworkNode } from '../../shared/framework/types.ts';

const temp = tempDirs('cchc-collected-');

/** Header on row 3 (two title rows above), a field subtotal row, the leaves, a total row. */
async function collected(
  path: string,
  nodes: readonly FrameworkNode[],
  headers: string[],
  score: (n: FrameworkNode, unit: number) => unknown,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tổng hợp lần 1');
  ws.getCell('A1').value = 'BẢNG TỔNG HỢP ĐIỂM TỰ ĐÁNH GIÁ';
  ws.getRow(3).values = ['TT', 'Nội dung', 'Điểm tối đa', ...headers];
  ws.getRow(4).values = ['1', 'Công tác chỉ đạo', 11];
  nodes.forEach(
    (n, i) =>
      (ws.getRow(5 + i).values = [
        n.code,
        n.title,
        Number(n.maxPoints),
        ...headers.map((_, u) => score(n, u) as ExcelJS.CellValue),
      ]),
  );
  ws.getRow(5 + nodes.length).values = ['Tổng cộng', '', 0];
  await wb.xlsx.writeFile(path);
  return path;
}

const full = (n: FrameworkNode, u: number) => {
  const s = n.scoring!;
  if (s.kind === 'survey') return null;
  if (s.kind === 'tick') return u === 0 ? Number(n.maxPoints) : 0;
  if (s.kind === 'timeliness') return Number(s.tiers[u === 0 ? 0 : 1]!.points);
  return u === 0 ? Number(n.maxPoints) : '0,25';
};

describe('collected workbook', () => {
  it('reads one column per unit, skips subtotals and totals, stores the scores in one transaction', async () => {
    const dir = temp();
    const { db, frameworks } = makeDb(dir);
    const nodes = leaves(frameworks['department']!, 'department');
    const path = await collected(join(dir, 'th.xlsx'), nodes, ['Sở Tư pháp', 'sở tài chính'], full);
    const before = snapshot(db);
    const p = await previewCollectedWorkbook(db, CYCLE, path, 1);
    expect(snapshot(db)).toEqual(before);
    const scored = nodes.filter((n) => n.scoring!.kind !== 'survey');
    expect(p.units.map((u) => [u.unitName, u.column, u.items])).toEqual([
      ['Sở Tư pháp', 'D', scored.length],
      ['Sở Tài chính', 'E', scored.length],
    ]);
    expect(p.ignoredColumns).toEqual(['Nội dung', 'Điểm tối đa']);
    expect(p.skippedRows).toBe(1);
    expect(p.units[0]!.total).toBe(scored.reduce((s, n) => s + Number(n.maxPoints), 0).toString());
    await commitCollectedWorkbook(db, CYCLE, path, 1, 'thuong-truc');
    const tick = scored.find((n) => n.scoring!.kind === 'tick')!;
    const row = db
      .prepare('SELECT round1_input AS i, round1_claimed AS c FROM dossier_items WHERE unit_id = ? AND node_code = ?')
      .get('u-tc', tick.code);
    expect(row).toEqual({ i: '{"met":false}', c: '0' });
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'dossier.import-collected'").pluck().get()).toBe(
      2,
    );
    expect(db.prepare("SELECT count(*) FROM dossier_imports WHERE source = 'collected'").pluck().get()).toBe(2);
  });

  const refusals: [string, RegExp, string[], (n: FrameworkNode, u: number) => unknown][] = [
    [
      'a misspelt unit',
      /^INTAKE_UNIT_UNKNOWN: Trang “Tổng hợp lần 1”, dòng 3, cột E: “Sở Tư phap” không phải tên một đơn vị/,
      ['Sở Tài chính', 'Sở Tư phap'],
      full,
    ],
    [
      'text in a score cell',
      /^INTAKE_NOT_A_NUMBER: Trang “Tổng hợp lần 1”, dòng 5, cột D \(Sở Tư pháp\): “đạt” không phải là một số\./,
      ['Sở Tư pháp'],
      (n, u) => (n.code === '1.1.1' ? 'đạt' : full(n, u)),
    ],
    [
      'a score above the maximum',
      /^INTAKE_SCORE_ABOVE_MAX: Trang “Tổng hợp lần 1”, dòng 5, cột D \(Sở Tư pháp\): điểm 9 lớn hơn điểm tối đa/,
      ['Sở Tư pháp'],
      (n, u) => (n.code === '1.1.1' ? 9 : full(n, u)),
    ],
  ];
  for (const [name, expected, headers, score] of refusals) {
    it(`refuses ${name}, database unchanged`, async () => {
      const dir = temp();
      const { db, frameworks } = makeDb(dir);
      const nodes = leaves(frameworks['department']!, 'department');
      const path = await collected(join(dir, 'th.xlsx'), nodes, headers, score);
      const before = snapshot(db);
      expect(await outcome(commitCollectedWorkbook(db, CYCLE, path, 1, 'x'))).toMatch(expected);
      expect(snapshot(db)).toEqual(before);
    });
  }

  it('cchc import-collected --dry-run prints the preview; exit 1 on bad data', async () => {
    const dir = temp();
    const { db, path: dbPath, frameworks } = makeDb(dir);
    db.close();
    const nodes = leaves(frameworks['department']!, 'department');
    const ok = await collected(join(dir, 'th.xlsx'), nodes, ['Sở Tư pháp'], full);
    const r = await cli('import-collected', '--db', dbPath, '--round', '1', ok, '--dry-run');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).units[0]).toMatchObject({ unitName: 'Sở Tư pháp', column: 'D' });
    const bad = await collected(join(dir, 'bad.xlsx'), nodes, ['Sở Ngoại vụ'], full);
    const b = await cli('import-collected', '--db', dbPath, '--round', '1', bad);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/^INTAKE_UNIT_UNKNOWN: /);
  }, 300_000);
});
