import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../electron/core/db/connection.ts';
import { verifyAuditChain } from '../../electron/core/db/repos/audit.ts';
import { listMembers } from '../../electron/core/db/repos/members.ts';
import { listUnits } from '../../electron/core/db/repos/units.ts';
import { DEMO_CYCLE_ID, initDemo } from '../../electron/core/demo/init.ts';
import { evidencePath, evidenceStatus } from '../../electron/core/evidence/files.ts';
import { resourcesDir } from '../../electron/core/framework/defaults.ts';
import { cycleResults } from '../../electron/core/results/cycle-results.ts';
import { computeCycleTotals } from '../../electron/core/results/cycle-totals.ts';
import { parseDecimal, roundHalfUpScaled } from '../../shared/decimal/rational.ts';
import { classify } from '../../shared/results/classification.ts';
import { tempDirs } from './support.ts';

function csv(name: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(join(import.meta.dirname, '../fixtures/soc-trang-2023', name), 'utf8')
    .trim()
    .split('\n');
  const cols = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [cols[i]!, v])));
}

describe('the demo database "Sóc Trăng 2023"', () => {
  const newDir = tempDirs();
  let db: Db;
  let dir: string;
  beforeAll(async () => {
    dir = newDir();
    db = openDatabase(join(dir, 'cchc.sqlite'));
    await initDemo(db, dir);
  });

  it('holds the 40 units of the report in their four groups, the council and the secretariat', () => {
    const units = listUnits(db, DEMO_CYCLE_ID);
    expect(units).toHaveLength(40);
    const count = (g: string) => units.filter((u) => u.group === g).length;
    expect([count('department'), count('district'), count('public_service_unit'), count('central_agency')]).toEqual([
      19, 11, 4, 6,
    ]);
    const members = listMembers(db, DEMO_CYCLE_ID);
    expect(members.filter((m) => m.role === 'secretariat')).toHaveLength(1);
    const assigned = new Set(members.flatMap((m) => m.fields));
    expect([...assigned].sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('reproduces every published index, classification and rank of the district and public service unit tables', () => {
    const results = cycleResults(db, DEMO_CYCLE_ID);
    for (const row of [...csv('summary-districts.csv'), ...csv('summary-public-units.csv')]) {
      const u = results.units.find((x) => x.unit === row['unit']);
      expect(u, row['unit']).toBeDefined();
      const published = roundHalfUpScaled(parseDecimal(row['published_index_percent']!)!, 2);
      expect(Math.abs(Number(u!.published - published)), row['unit']).toBeLessThanOrEqual(1);
      expect(u!.classification).toBe(classify(published, 2));
      expect(u!.benchmark).toEqual(parseDecimal(row['benchmark_max']!));
      expect(u!.selfAssessed).toEqual(parseDecimal(row['self_assessed']!));
      expect(u!.surveyCbccvc).toEqual(parseDecimal(row['survey_cbccvc']!));
      expect(u!.surveySipas).toEqual(parseDecimal(row['survey_sipas']!));
    }
    const avg = (g: string) => results.groups.find((x) => x.group === g)!.average;
    expect(avg('district')).toBe(7708n); // 77,08%
    expect(avg('public_service_unit')).toBe(7620n); // 76,20%: the mean 76,195 published half up
    const ranks = results.units.filter((u) => u.group === 'district').map((u) => u.unit);
    expect(ranks).toEqual(csv('summary-districts.csv').map((r) => r['unit']));
  });

  it('keeps field totals within a rounding of the published field scores', () => {
    const totals = computeCycleTotals(db, DEMO_CYCLE_ID);
    for (const row of csv('fields-districts.csv')) {
      const unit = totals.units.find((u) => u.unit.name === row['unit'])!;
      Object.keys(row)
        .filter((k) => k !== 'unit')
        .forEach((k, i) => {
          const got = roundHalfUpScaled(unit.totals.fields[i]!.points, 2);
          expect(got, `${row['unit']} ${k}`).toBe(roundHalfUpScaled(parseDecimal(row[k]!)!, 2));
        });
    }
  });

  it('stores every cited evidence document by its hash, intact', () => {
    const shas = db.prepare('SELECT sha256 FROM evidence WHERE cycle_id = ?').pluck().all(DEMO_CYCLE_ID) as string[];
    expect(shas.length).toBeGreaterThan(40);
    for (const sha of shas.slice(0, 50)) {
      expect(existsSync(evidencePath(dir, sha))).toBe(true);
      expect(evidenceStatus(dir, sha)).toBe('ok');
    }
    const cited = db.prepare('SELECT count(*) FROM dossier_evidence').pluck().get() as number;
    expect(cited).toBeGreaterThan(2000);
  });

  it('is built through the set-up and intake path: audited from its first row, with the hashes of its files', async () => {
    const rows = db.prepare('SELECT seq, action, after FROM audit_log ORDER BY seq').all() as {
      seq: number;
      action: string;
      after: string | null;
    }[];
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: rows.length });
    expect(rows[0]).toMatchObject({ seq: 1, action: 'setup.cycle.create' });
    expect(rows.at(-1)!.action).toBe('cycle.init-demo');
    const count = (a: string) => rows.filter((r) => r.action === a).length;
    expect(count('setup.group')).toBe(4);
    expect(count('dossier.import')).toBe(80);
    expect(count('survey.import')).toBe(80);
    // Lowered benchmarks: proposed by the units in their workbooks (rounds 1 and 2), approved by the council.
    expect(count('exemption.propose')).toBe(2 * count('exemption.approve'));
    expect(count('exemption.approve')).toBeGreaterThan(40);
    const ex = db.prepare('SELECT * FROM exemptions').all() as Record<string, string | null>[];
    expect(ex).toHaveLength(count('exemption.approve'));
    for (const x of ex)
      expect(x).toMatchObject({ status: 'approved', proposed_by: null, decided_by: 'soc-trang-2023-thuong-truc' });
    expect(ex.every((x) => (x['legal_basis'] ?? '').length > 10 && (x['reason'] ?? '').length > 10)).toBe(true);
    // A whole criterion (legal drafting, 2.1) lowered for the departments not tasked with it.
    expect(ex.filter((x) => x['node_code'] === '2.1').length).toBeGreaterThanOrEqual(6);
    const demo = join(resourcesDir(), 'demo');
    const sha = (file: string) =>
      createHash('sha256')
        .update(readFileSync(join(demo, file)))
        .digest('hex');
    const afterOf = (a: string) => rows.filter((r) => r.action === a).map((r) => JSON.parse(r.after!));
    expect(afterOf('setup.units.import')).toEqual([
      expect.objectContaining({ fileSha256: sha('don-vi.csv'), added: 40 }),
    ]);
    expect(afterOf('setup.roster.import')).toEqual([
      expect.objectContaining({ fileSha256: sha('hoi-dong.csv'), added: 9 }),
    ]);
    const imports = afterOf('dossier.import');
    expect(imports[0]).toMatchObject({ round: 1, fileSha256: sha('ho-so/so-noi-vu/lan-1.xlsx') });
    expect(imports[0].evidence.length).toBeGreaterThan(5);
    expect(imports[79]).toMatchObject({ round: 2, fileSha256: sha('ho-so/hai-quan-soc-trang/lan-2.xlsx') });
    expect(db.prepare('SELECT count(*) FROM dossier_imports').pluck().get()).toBe(80);
    expect(new Set(afterOf('survey.import').map((a) => a.fileSha256))).toEqual(new Set([sha('khao-sat.csv')]));
  });

  it('refuses to be loaded twice, leaving the store unchanged', async () => {
    const audit = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    await expect(initDemo(db, dir)).rejects.toMatchObject({ code: 'DEMO_EXISTS' });
    expect(db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(40);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audit);
  });
});
