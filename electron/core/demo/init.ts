/**
 * Builds the demo cycle "Sóc Trăng 2023" from its files in resources/demo/ (written by
 * tools/demo/generate.ts) through the path a secretariat takes for a real year, calling the
 * same core functions as the CLI and the screens:
 *
 *   createCycle (the four 2023 group presets with their sample frameworks)
 *   → importUnits (don-vi.csv) → importRoster (hoi-dong.csv)
 *   → commitDossierImport, round 1 of every unit with its evidence .zip, then round 2
 *     (a unit proposes its lowered benchmarks on its workbook's rows, with reason and legal basis)
 *   → the council approves them (decideExemption, ha-diem-chuan.csv)
 *   → importSurveyFile (khao-sat.csv)
 *
 * Every step writes its audit rows (with the files' sha256), so the demo's audit trail starts at
 * its first row; a last row `cycle.init-demo` records the dossiers' scores as the baseline that
 * `audit-verify` compares the dossiers with. All of it is one transaction: a failure leaves the
 * database as it was (evidence files already stored stay, content-addressed and harmless).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { getCycle } from '../db/repos/cycles.ts';
import { dossierBaseline, evidenceCount } from '../db/repos/demo.ts';
import { listUnits } from '../db/repos/units.ts';
import { decideExemption } from '../exemptions/decide.ts';
import { commitDossierImport } from '../intake/dossier-import.ts';
import { createCycle } from '../setup/cycles.ts';
import { importRoster } from '../setup/roster-import.ts';
import { type ColumnSpec, readListFile } from '../setup/table-file.ts';
import { importUnits } from '../setup/units.ts';
import { importSurveyFile } from '../survey/import.ts';
import { DEMO_MANIFEST_FILE, type DemoManifest, demoDir, readDemoManifest } from './manifest.ts';

const fileSha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

export const DEMO_CYCLE_ID = 'soc-trang-2023';
export const DEMO_SECRETARIAT_ID = `${DEMO_CYCLE_ID}-thuong-truc`;

export const demoUnitId = (code: string) => `${DEMO_CYCLE_ID}-${code}`;
export const demoMemberId = (code: string) => `${DEMO_CYCLE_ID}-${code}`;

export interface InitDemoResult {
  readonly cycleId: string;
  readonly units: number;
  readonly items: number;
  readonly documents: number;
}

type DecisionColumn = 'unit' | 'node' | 'opinion';
const DECISION_COLUMNS: readonly ColumnSpec<DecisionColumn>[] = [
  { key: 'unit', aliases: ['Đơn vị', 'unit'], required: true },
  { key: 'node', aliases: ['Mã tiêu chí', 'node', 'code'], required: true },
  { key: 'opinion', aliases: ['Ý kiến Hội đồng', 'opinion'], required: false },
];

/** The council approves the lowered benchmarks the units proposed in their workbooks (the secretariat's decision). */
async function approveLowered(db: Db, m: DemoManifest, dir: string, actor: string): Promise<void> {
  const table = await readListFile(join(dir, m.exemptions), DECISION_COLUMNS);
  const units = new Map(listUnits(db, m.cycle.id).map((u) => [u.name, u.id]));
  for (const r of table.rows) {
    const unitId = units.get(r.values.unit);
    if (!unitId)
      throw new CodedFailure(
        'DEMO_FILES_INVALID',
        `Dữ liệu mẫu ${m.exemptions}, dòng ${r.row}: không có đơn vị “${r.values.unit}”.`,
      );
    decideExemption(db, m.cycle.id, {
      unitId,
      nodeCode: r.values.node,
      decision: 'approved',
      reason: r.values.opinion,
      actor,
      now: m.cycle.createdAt,
    });
  }
}

async function build(db: Db, dataDir: string, m: DemoManifest, dir: string): Promise<void> {
  const actor = `${m.cycle.id}-${m.secretariat}`;
  const id = m.cycle.id;
  createCycle(
    db,
    {
      id,
      name: m.cycle.name,
      year: m.cycle.year,
      province: m.cycle.province,
      groups: m.cycle.groups.map((preset) => ({ preset })),
      // The demo is never made the current cycle: a cycle received or set up later opens first.
      makeCurrent: false,
      at: m.cycle.createdAt,
    },
    actor,
  );
  await importUnits(db, id, join(dir, m.units), { actor });
  await importRoster(db, id, join(dir, m.roster), { actor });
  for (const d of m.dossiers) {
    await commitDossierImport(db, dataDir, {
      cycleId: id,
      unit: { name: d.unit },
      round: d.round,
      workbookPath: join(dir, d.workbook),
      evidencePath: d.evidence === null ? null : join(dir, d.evidence),
      actor,
    });
  }
  await approveLowered(db, m, dir, actor);
  await importSurveyFile(db, id, join(dir, m.survey), { kind: 'points', commit: true, actor, fileName: m.survey });
  appendAudit(db, {
    actor,
    action: 'cycle.init-demo',
    entity: 'cycle',
    entityId: id,
    after: {
      name: m.cycle.name,
      units: listUnits(db, id).length,
      manifestSha256: fileSha256(join(dir, DEMO_MANIFEST_FILE)),
      exemptionsFile: m.exemptions,
      exemptionsSha256: fileSha256(join(dir, m.exemptions)),
      baseline: { dossiers: dossierBaseline(db, id) },
    },
    reason: 'Khởi tạo dữ liệu mẫu',
  });
}

export async function initDemo(db: Db, dataDir: string, dir: string = demoDir()): Promise<InitDemoResult> {
  const m = readDemoManifest(dir);
  if (getCycle(db, m.cycle.id)) {
    throw new CodedFailure('DEMO_EXISTS', `Cơ sở dữ liệu đã có kỳ đánh giá mẫu “${m.cycle.name}”.`);
  }
  // One transaction around the whole build (the steps' own transactions become savepoints).
  db.exec('BEGIN IMMEDIATE');
  try {
    await build(db, dataDir, m, dir);
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
  const baseline = dossierBaseline(db, m.cycle.id);
  return {
    cycleId: m.cycle.id,
    units: listUnits(db, m.cycle.id).length,
    items: Object.values(baseline).reduce((s, nodes) => s + Object.keys(nodes).length, 0),
    documents: evidenceCount(db, m.cycle.id),
  };
}
