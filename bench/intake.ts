/**
 * Intake of 150 units × 120 sub-criteria with 3,000 evidence files (20 per unit, ~170 kB
 * each, ~500 MB in all; generated, not timed). Goal: ≤ 10 s for reading the workbooks and
 * hashing the evidence on this machine, with memory flat (files are streamed).
 *
 *   preview = for each unit: read + check its workbook, recompute every score, list its
 *             folder, stream-hash its cited files (sha256) — what the secretariat sees first.
 *   commit  = for each unit: the same, copying each file into the evidence store while
 *             hashing it, then one transaction (items, evidence, audit).
 * Peak RSS is sampled every 20 ms. Run alone: `npx tsx bench/intake.ts [units] [kB per file]`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Framework, FrameworkNode, Scoring } from '../shared/framework/types.ts';
import { openDatabase, tx } from '../electron/core/db/connection.ts';
import { insertCycle } from '../electron/core/db/repos/cycles.ts';
import { putFramework, setCycleFramework } from '../electron/core/db/repos/frameworks.ts';
import { insertUnit } from '../electron/core/db/repos/units.ts';
import { putCycleGroup } from '../electron/core/db/repos/groups.ts';
import { frameworkHash } from '../electron/core/framework/hash.ts';
import { commitDossierImport, previewDossierImport } from '../electron/core/intake/dossier-import.ts';
import { COL, FIRST_ROW, SHEET } from '../electron/core/intake/layout.ts';
import { dossierTemplate } from '../electron/core/intake/template.ts';

/** Communes take the districts' place from 2025; the store's group CHECK still lists the 2023 codes until the cycle-groups migration. */
const GROUP = 'district';

const KINDS: Scoring[] = [
  { kind: 'tick' },
  {
    kind: 'timeliness',
    tiers: [
      { key: 'on_time', label: 'Đúng hạn', points: '1' },
      { key: 'late', label: 'Trễ hạn', points: '0.5' },
      { key: 'not_done', label: 'Không thực hiện', points: '0' },
    ],
  },
  {
    kind: 'percentage',
    thresholds: [
      { min: '90', inclusive: false, points: '1' },
      { min: '70', inclusive: true, points: '0.5' },
    ],
    otherwise: '0',
  },
  { kind: 'proportional' },
  {
    kind: 'count',
    tiers: [
      { min: 4, points: '1' },
      { min: 2, points: '0.5' },
    ],
    otherwise: '0',
  },
  { kind: 'deduction', perViolation: '0.25', floor: '0' },
];

function syntheticFramework(): Framework {
  const nodes: FrameworkNode[] = [];
  for (let f = 1; f <= 8; f++) {
    nodes.push({
      code: `${f}`,
      parent: null,
      title: `Lĩnh vực ${f}`,
      maxPoints: '15',
      groups: [GROUP as never],
      exemptable: false,
      guide: '',
      evidence: '',
    });
    for (let l = 1; l <= 15; l++) {
      nodes.push({
        code: `${f}.${l}`,
        parent: `${f}`,
        title: `Tiêu chí thành phần ${f}.${l}`,
        maxPoints: '1',
        scoring: KINDS[(f * 15 + l) % KINDS.length]!,
        groups: [GROUP as never],
        exemptable: l === 15,
        guide: 'Hướng dẫn chấm',
        evidence: 'Văn bản',
      });
    }
  }
  return { name: 'Bộ tiêu chí xã (bench)', year: 2025, group: GROUP as never, sample: true, nodes };
}

function fill(n: FrameworkNode, u: number): (string | number | null)[] {
  const ev = `tl-${n.code}-${u % 7}.pdf (tr. 1)`;
  switch (n.scoring!.kind) {
    case 'tick':
      return ['Đạt', null, null, ev];
    case 'timeliness':
      return ['Đúng hạn', null, null, ev];
    case 'percentage':
      return [null, 95, 100, ev];
    case 'proportional':
      return [null, 3, 4, ev];
    case 'count':
      return [null, 4, null, ev];
    default:
      return [null, 1, null, ev];
  }
}

export async function benchIntake(units = 150, kb = 170): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-intake-'));
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const db = openDatabase(join(dir, 'cchc.sqlite'));
    const f = syntheticFramework();
    const h = frameworkHash(f);
    tx(db, () => {
      insertCycle(db, { id: 'c', name: 'Bench 2025', year: 2025, province: 'Cần Thơ', precision: 2 });
      putCycleGroup(db, 'c', { code: GROUP, label: GROUP, shortLabel: GROUP, sortOrder: 1, fields: [] });
      putFramework(db, h, f);
      setCycleFramework(db, 'c', GROUP as never, h);
      for (let u = 0; u < units; u++)
        insertUnit(db, { id: `u${u}`, cycleId: 'c', name: `UBND xã ${u + 1}`, group: GROUP as never, sortOrder: u });
    });
    const t = await dossierTemplate(db, 'c', GROUP);
    const leaves = t.target.leaves;
    // Files: 20 per unit, distinct content, kb each (a repeated block, then the unit and name).
    const block = Buffer.alloc(kb * 1024, 0x41);
    for (let u = 0; u < units; u++) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(t.bytes as never);
      const ws = wb.getWorksheet(SHEET)!;
      const names = new Set<string>();
      leaves.forEach((n, i) => {
        const [c, a, b, ev] = fill(n, u);
        const r = ws.getRow(FIRST_ROW + i);
        if (c !== null) r.getCell(COL.choice).value = c;
        if (a !== null) r.getCell(COL.figure1).value = a;
        if (b !== null) r.getCell(COL.figure2).value = b;
        r.getCell(COL.evidence).value = ev;
        if (names.size < 20) names.add(String(ev).replace(/ \(tr\. 1\)$/, ''));
        else r.getCell(COL.evidence).value = `${[...names][i % 20]} (tr. 2)`;
      });
      await wb.xlsx.writeFile(join(dir, `u${u}.xlsx`));
      const folder = join(dir, `ev${u}`);
      mkdirSync(folder);
      for (const n of names) writeFileSync(join(folder, n), Buffer.concat([block, Buffer.from(`u${u}/${n}`)]));
    }
    const files = units * 20;
    const bytes = files * (kb * 1024 + 16);
    const rssBefore = process.memoryUsage().rss;
    peak = rssBefore;
    const input = (u: number) => ({
      cycleId: 'c',
      unit: { id: `u${u}` },
      round: 1 as const,
      workbookPath: join(dir, `u${u}.xlsx`),
      evidencePath: join(dir, `ev${u}`),
    });

    let t0 = performance.now();
    for (let u = 0; u < units; u++) await previewDossierImport(db, input(u));
    const preview = performance.now() - t0;
    const peakPreview = peak;

    t0 = performance.now();
    for (let u = 0; u < units; u++) await commitDossierImport(db, join(dir, 'data'), { ...input(u), actor: 'bench' });
    const commit = performance.now() - t0;
    const rows = db.prepare('SELECT count(*) FROM dossier_items').pluck().get() as number;
    db.close();
    const goal = 10_000;
    console.log(
      `units ${units} × ${leaves.length} sub-criteria, ${files} files, ${(bytes / 1024 / 1024).toFixed(0)} MB; ${rows} items written`,
    );
    console.log(
      `goal: workbooks + hashing ≤ ${goal / 1000} s → ${preview <= goal ? 'met' : 'NOT met'} (${(preview / 1000).toFixed(2)} s)`,
    );
    console.log(
      `memory: RSS ${(rssBefore / 1048576).toFixed(0)} MB before, peak ${(peakPreview / 1048576).toFixed(0)} MB in the preview, ${(peak / 1048576).toFixed(0)} MB overall`,
    );
    return {
      preview_workbooks_and_hashing_ms: preview,
      commit_store_and_write_ms: commit,
      files,
      megabytes: bytes / 1048576,
      rss_before_mb: rssBefore / 1048576,
      rss_peak_mb: peak / 1048576,
      goal_met: preview <= goal ? 1 : 0,
    };
  } finally {
    clearInterval(sample);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [u, kb] = process.argv.slice(2).map(Number);
  const r = await benchIntake(u || 150, kb || 170);
  for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(40)} ${Number.isInteger(v) ? v : v.toFixed(2)}`);
}
