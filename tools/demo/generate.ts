/**
 * Writes the input files of the demo cycle "Sóc Trăng 2023" into resources/demo/, the files the
 * app reads at first run to build the demo through the real set-up and intake path
 * (electron/core/demo/init.ts). Run by hand after changing the demo or a sample framework:
 *
 *   npx tsx tools/demo/generate.ts [--out DIR]
 *
 * Not part of the app: nothing under electron/ imports this folder. The search for inputs that
 * reproduce the report's published figures (soc-trang-2023.ts) runs here, once; the app only
 * reads its result. Written: the cycle manifest (ky-danh-gia.json), the units list, the council
 * roster, the survey points, the council's lowered benchmarks, and per unit a filled
 * self-assessment workbook per round (from the app's own template writer) and a .zip of small
 * generated evidence PDFs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { buildTree } from '../../shared/framework/tree.ts';
import { GROUPS_2023, GROUP_PRESETS } from '../../shared/framework/groups.ts';
import type { FrameworkNode } from '../../shared/framework/types.ts';
import type { ScoreInput } from '../../shared/scoring/inputs.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { DEMO_MANIFEST, type DemoManifest } from '../../electron/core/demo/manifest.ts';
import { loadDefaultFrameworks } from '../../electron/core/framework/defaults.ts';
import { COL, FIRST_ROW, SHEET, UNIT_CELL, templateLeaves } from '../../electron/core/intake/layout.ts';
import { dossierTemplate } from '../../electron/core/intake/template.ts';
import { createCycle } from '../../electron/core/setup/cycles.ts';
import { miniPdf } from './mini-pdf.ts';
import { type DemoEntry, type DemoUnit, buildDemoCycle } from './soc-trang-2023.ts';
import { zipBytes } from './zip.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXED_DATE = new Date('2024-01-15T08:00:00.000Z');

const COUNCIL_AGREES = 'Hội đồng thẩm định thống nhất hạ điểm chuẩn';
const ROLE_TEXT = { chair: 'Chủ tịch', vice_chair: 'Phó Chủ tịch', member: 'Thành viên' } as const;

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
const cell = (v: string | number): string => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (rows: readonly (readonly (string | number)[])[]): string =>
  `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
const viDecimal = (s: string): string => s.replace('.', ',');

/** The text of a generated evidence document: a cover page and as many pages as are cited. */
function documentPages(unitName: string, title: string, pages: number): string[][] {
  const out: string[][] = [
    [title, unitName, 'Tai lieu kiem chung (ban mo phong cho du lieu mau).', `So trang: ${pages}`],
  ];
  for (let p = 2; p <= pages; p++) out.push([`${title} - trang ${p}`, unitName, `Noi dung trang ${p} cua tai lieu.`]);
  return out;
}

/** The unit's evidence documents as a .zip: one small PDF per cited file name. */
function evidenceZip(unit: DemoUnit): Buffer {
  const cited = new Map<string, { title: string; pages: number }>();
  for (const e of unit.entries)
    for (const ev of e.evidence) {
      const seen = cited.get(ev.fileName);
      cited.set(ev.fileName, { title: ev.title, pages: Math.max(seen?.pages ?? 1, ev.page) });
    }
  const files = new Map<string, Uint8Array>();
  for (const [name, { title, pages }] of [...cited].sort(([a], [b]) => (a < b ? -1 : 1)))
    files.set(name, miniPdf(documentPages(unit.name, title, pages)));
  return zipBytes(files);
}

interface Cells {
  choice?: string;
  f1?: number;
  f2?: number;
}

/** The workbook cells that read back as `input` (electron/core/intake/read-workbook.ts). */
function cellsOf(node: FrameworkNode, input: ScoreInput): Cells {
  const s = node.scoring!;
  const n = (v: unknown) => Number(v);
  const i = input as unknown as Record<string, unknown>;
  switch (s.kind) {
    case 'tick':
      return { choice: i['met'] ? 'Đạt' : 'Không đạt' };
    case 'timeliness':
      return { choice: s.tiers.find((t) => t.key === i['tier'])!.label };
    case 'percentage':
      return 'percent' in i ? { f1: n(i['percent']) } : { f1: n(i['a']), f2: n(i['b']) };
    case 'proportional':
      return { f1: n(i['a']), f2: n(i['b']) };
    case 'count':
      return { f1: n(i['count']) };
    case 'deduction':
      return { f1: n(i['violations']) };
    case 'previous_year_delta':
      return { f1: n(i['previousIndex']), f2: n(i['earlierIndex']) };
    case 'survey':
      return {};
  }
}

function citations(e: DemoEntry): string {
  return e.evidence.map((ev) => `${ev.fileName} (tr. ${ev.page})`).join('; ');
}

async function fillWorkbook(
  template: Buffer,
  leaves: readonly FrameworkNode[],
  unit: DemoUnit,
  round: 'round1' | 'round2',
  /** Sub-criterion → the proposal written on its row (reason, then “Căn cứ: …”). */
  lowered: ReadonlyMap<string, string>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as never);
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.getWorksheet(SHEET)!;
  ws.getCell(UNIT_CELL).value = unit.name;
  const entries = new Map(unit.entries.map((e) => [e.nodeCode, e]));
  leaves.forEach((n, i) => {
    if (n.scoring!.kind === 'survey') return;
    const row = ws.getRow(FIRST_ROW + i);
    const put = (c: Cells) => {
      if (c.choice !== undefined) row.getCell(COL.choice).value = c.choice;
      if (c.f1 !== undefined) row.getCell(COL.figure1).value = c.f1;
      if (c.f2 !== undefined) row.getCell(COL.figure2).value = c.f2;
    };
    const e = entries.get(n.code);
    if (e) {
      put(cellsOf(n, e[round]));
      row.getCell(COL.explanation).value = e.explanation;
      row.getCell(COL.evidence).value = citations(e);
      return;
    }
    const proposal = lowered.get(n.code);
    if (proposal === undefined) throw new Error(`demo: ${unit.name} has no entry for ${n.code}`);
    row.getCell(COL.lowered).value = proposal;
    row.getCell(COL.explanation).value = 'Đơn vị đề nghị hạ điểm chuẩn (xem cột Đề xuất hạ điểm chuẩn).';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  const outIdx = process.argv.indexOf('--out');
  const out = outIdx > 0 ? resolve(process.argv[outIdx + 1]!) : join(ROOT, 'resources', 'demo');
  const frameworks = loadDefaultFrameworks();
  const demo = buildDemoCycle(frameworks);
  const manifest: DemoManifest = {
    format: DEMO_MANIFEST,
    cycle: {
      id: 'soc-trang-2023',
      name: demo.cycle.name,
      year: demo.cycle.year,
      province: demo.cycle.province,
      groups: [...GROUPS_2023],
      createdAt: '2024-02-20T08:00:00.000Z',
    },
    secretariat: 'thuong-truc',
    units: 'don-vi.csv',
    roster: 'hoi-dong.csv',
    exemptions: 'ha-diem-chuan.csv',
    survey: 'khao-sat.csv',
    dossiers: [],
  };
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  writeFileSync(
    join(out, manifest.units),
    csv([
      ['Mã đơn vị', 'Đơn vị', 'Nhóm'],
      ...demo.units.map((u) => [u.code, u.name, GROUP_PRESETS[u.group as keyof typeof GROUP_PRESETS].label]),
    ]),
  );
  const { members, secretariat } = demo.council;
  writeFileSync(
    join(out, manifest.roster),
    csv([
      ['Mã thành viên', 'Họ và tên', 'Chức vụ', 'Cơ quan', 'Vai trò', 'Lĩnh vực'],
      ...members.map((m) => [m.code, m.name, m.position, m.agency, ROLE_TEXT[m.councilRole], m.fields.join(', ')]),
      [manifest.secretariat, secretariat.name, secretariat.position, secretariat.agency, 'Thường trực', ''],
    ]),
  );
  writeFileSync(
    join(out, manifest.survey),
    csv([
      ['Đơn vị', 'Khảo sát CBCCVC', 'Chỉ số SIPAS'],
      ...demo.units.map((u) => [u.name, viDecimal(u.survey.cbccvc), viDecimal(u.survey.sipas)]),
    ]),
  );
  writeFileSync(
    join(out, manifest.exemptions),
    csv([
      ['Đơn vị', 'Mã tiêu chí', 'Ý kiến Hội đồng'],
      ...demo.units.flatMap((u) => u.exemptions.map((x) => [u.name, x.nodeCode, COUNCIL_AGREES])),
    ]),
  );

  // The templates come from the app's own writer, for a cycle set up as the app sets up the demo.
  const tmp = mkdtempSync(join(tmpdir(), 'cchc-demo-gen-'));
  try {
    const db = openDatabase(join(tmp, 'cchc.sqlite'));
    createCycle(
      db,
      {
        id: manifest.cycle.id,
        name: manifest.cycle.name,
        year: manifest.cycle.year,
        province: manifest.cycle.province,
        groups: manifest.cycle.groups.map((preset) => ({ preset })),
        at: manifest.cycle.createdAt,
      },
      'generator',
      () => frameworks,
    );
    const templates = new Map<string, { bytes: Buffer; leaves: FrameworkNode[] }>();
    for (const g of GROUPS_2023) {
      const t = await dossierTemplate(db, manifest.cycle.id, g);
      templates.set(g, { bytes: t.bytes, leaves: templateLeaves(buildTree(frameworks[g]), g) });
    }
    db.close();
    const rounds: DemoManifest['dossiers'][number][] = [];
    for (const unit of demo.units) {
      const { bytes, leaves } = templates.get(unit.group)!;
      const tree = buildTree(frameworks[unit.group as keyof typeof frameworks]);
      // A lowered benchmark of a whole criterion is proposed on each of its sub-criteria (intake lowers the criterion).
      const lowered = new Map<string, string>();
      for (const x of unit.exemptions) {
        const text = `${x.reason}\nCăn cứ: ${x.legalBasis}`;
        if (tree.byCode.get(x.nodeCode)!.scoring) lowered.set(x.nodeCode, text);
        else for (const l of leaves) if (l.code.startsWith(`${x.nodeCode}.`)) lowered.set(l.code, text);
      }
      const dir = `ho-so/${unit.code}`;
      mkdirSync(join(out, dir), { recursive: true });
      writeFileSync(join(out, dir, 'tai-lieu.zip'), evidenceZip(unit));
      for (const [round, file] of [
        ['round1', 'lan-1.xlsx'],
        ['round2', 'lan-2.xlsx'],
      ] as const) {
        writeFileSync(join(out, dir, file), await fillWorkbook(bytes, leaves, unit, round, lowered));
      }
      rounds.push({ unit: unit.name, round: 1, workbook: `${dir}/lan-1.xlsx`, evidence: `${dir}/tai-lieu.zip` });
    }
    // Round 2 cites the files stored in round 1 (sent once).
    for (const unit of demo.units)
      rounds.push({ unit: unit.name, round: 2, workbook: `ho-so/${unit.code}/lan-2.xlsx`, evidence: null });
    writeFileSync(join(out, 'ky-danh-gia.json'), `${JSON.stringify({ ...manifest, dossiers: rounds }, null, 2)}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`Đã ghi dữ liệu mẫu vào ${out}: ${demo.units.length} đơn vị, ${demo.units.length * 2} phiếu.`);
}

await main();
