/** A real SQLite file with a cycle of two groups, and templates filled programmatically. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildTree } from '../../shared/framework/tree.ts';
import type { Framework, FrameworkNode } from '../../shared/framework/types.ts';
import { type Db, openDatabase, tx } from '../../electron/core/db/connection.ts';
import { insertCycle } from '../../electron/core/db/repos/cycles.ts';
import { putCycleGroup } from '../../electron/core/db/repos/groups.ts';
import { GROUP_PRESETS } from '../../shared/framework/groups.ts';
import { putFramework, setCycleFramework } from '../../electron/core/db/repos/frameworks.ts';
import { insertUnit } from '../../electron/core/db/repos/units.ts';
import { loadDefaultFrameworks } from '../../electron/core/framework/defaults.ts';
import { frameworkHash } from '../../electron/core/framework/hash.ts';
import { COL, FIRST_ROW, SHEET, UNIT_CELL, templateLeaves } from '../../electron/core/intake/layout.ts';
import { zipBytes } from '../../tools/demo/zip.ts';

export const CYCLE = 'tinh-2025';
export const UNITS = [
  { id: 'u-tp', name: 'Sở Tư pháp', group: 'department' },
  { id: 'u-tc', name: 'Sở Tài chính', group: 'department' },
  { id: 'u-xa', name: 'UBND xã An Thạnh', group: 'district' },
] as const;

export function makeDb(dir: string): { db: Db; path: string; frameworks: Record<string, Framework> } {
  const path = join(dir, 'cchc.sqlite');
  const db = openDatabase(path);
  const all = loadDefaultFrameworks() as Record<string, Framework>;
  const frameworks = { department: all['department']!, district: all['district']! };
  tx(db, () => {
    insertCycle(db, { id: CYCLE, name: 'Chỉ số CCHC 2025', year: 2025, province: 'Cần Thơ', precision: 2 });
    putCycleGroup(db, CYCLE, { ...GROUP_PRESETS.department, sortOrder: 1 });
    putCycleGroup(db, CYCLE, { ...GROUP_PRESETS.district, sortOrder: 2 });
    for (const [g, f] of Object.entries(frameworks)) {
      const h = frameworkHash(f);
      putFramework(db, h, f);
      setCycleFramework(db, CYCLE, g as never, h);
    }
    UNITS.forEach((u, i) =>
      insertUnit(db, { id: u.id, cycleId: CYCLE, name: u.name, group: u.group as never, sortOrder: i }),
    );
  });
  return { db, path, frameworks };
}

export function leaves(f: Framework, group: string): FrameworkNode[] {
  return templateLeaves(buildTree(f), group);
}

export interface Fill {
  choice?: string | null;
  f1?: number | string | null;
  f2?: number | string | null;
  claimed?: number | string | null;
  explanation?: string;
  evidence?: string;
  lowered?: string;
}

/** The default entry of a kind: every kind gets a valid input. */
export function defaultFill(n: FrameworkNode, variant = 0): Fill {
  const s = n.scoring!;
  const ev = { evidence: `${n.code}.pdf (tr. 2)`, explanation: `Giải trình ${n.code}` };
  switch (s.kind) {
    case 'tick':
      return { choice: variant ? 'Không đạt' : 'Đạt', ...ev };
    case 'timeliness':
      return { choice: s.tiers[variant ? 1 : 0]!.label, ...ev };
    case 'percentage':
      return { f1: 9, f2: 10, ...ev };
    case 'proportional':
      return { f1: variant ? 2 : 3, f2: 4, ...ev };
    case 'count':
      return { f1: 4, ...ev };
    case 'deduction':
      return { f1: 1, ...ev };
    case 'previous_year_delta':
      return { f1: 80.5, f2: 78.25, ...ev };
    case 'survey':
      return {};
  }
}

/** Fills a template: `fills` by code (default: defaultFill), optional unit name, and raw edits afterwards. */
export async function fillTemplate(
  template: Buffer,
  nodes: readonly FrameworkNode[],
  opts: {
    unit?: string;
    fills?: Record<string, Fill>;
    variant?: number;
    edit?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void;
  } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as never);
  const ws = wb.getWorksheet(SHEET)!;
  if (opts.unit) ws.getCell(UNIT_CELL).value = opts.unit;
  nodes.forEach((n, i) => {
    const f = opts.fills?.[n.code] ?? defaultFill(n, opts.variant ?? 0);
    const r = ws.getRow(FIRST_ROW + i);
    if (f.choice !== undefined) r.getCell(COL.choice).value = f.choice;
    if (f.f1 !== undefined) r.getCell(COL.figure1).value = f.f1;
    if (f.f2 !== undefined) r.getCell(COL.figure2).value = f.f2;
    if (f.claimed !== undefined) r.getCell(COL.claimed).value = f.claimed;
    if (f.explanation !== undefined) r.getCell(COL.explanation).value = f.explanation;
    if (f.evidence !== undefined) r.getCell(COL.evidence).value = f.evidence;
    if (f.lowered !== undefined) r.getCell(COL.lowered).value = f.lowered;
  });
  opts.edit?.(ws, wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An evidence folder with one small file per name (content differs per name unless `same`). */
export function evidenceFolder(dir: string, names: readonly string[], same: Record<string, string> = {}): string {
  mkdirSync(dir, { recursive: true });
  for (const n of names) {
    mkdirSync(join(dir, n, '..'), { recursive: true });
    writeFileSync(join(dir, n), `%PDF-1.4\n% ${same[n] ?? n}\n`);
  }
  return dir;
}

/** A .zip (deflate, UTF-8 names) of name → content, written by the demo generator's zip writer. */
export function zipFile(path: string, files: Record<string, string | Buffer>): string {
  const entries = Object.entries(files).map(([name, c]) => [name, Buffer.isBuffer(c) ? c : Buffer.from(c)] as const);
  writeFileSync(path, zipBytes(new Map(entries)));
  return path;
}

const TABLES = ['dossier_items', 'dossier_evidence', 'evidence', 'exemptions', 'dossier_imports', 'audit_log'] as const;

/** Row counts of what an intake writes, and the audit chain's head. */
export function snapshot(db: Db): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  for (const t of TABLES) out[t] = db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  out['auditHead'] =
    (db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined) ?? null;
  out['items'] = JSON.stringify(db.prepare('SELECT * FROM dossier_items ORDER BY unit_id, node_code').all());
  return out;
}
