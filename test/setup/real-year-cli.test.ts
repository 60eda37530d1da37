/**
 * A real year through the CLI, the way a secretariat scripts it: a 2025 cycle of 120 communes
 * and 20 departments set up from files, a roster, the generated dossier templates filled by
 * the units (every scoring kind, evidence cited) and taken in for rounds 1 and 2 with their
 * evidence folders, survey points, the signed cycle package to four council members on their
 * own stores, their signed appraisals merged, finalised, and the minutes printed. Every fifth unit
 * proposes a lowered benchmark in its workbook; the secretariat approves it with a legal basis.
 * The units' workbooks and files come from ./real-year.ts, shared with the UI journey. Numbers are
 * compared between the results command and the minutes.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run.ts';
import { agreeWithSelf } from '../../electron/core/bulk/agree.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { makeScope } from '../../electron/core/dossier/scope.ts';
import { decideExemption } from '../../electron/core/exemptions/decide.ts';
import { loadDefaultFrameworks } from '../../electron/core/framework/defaults.ts';
import { tempDir } from '../cli/helpers.ts';
import { defaultFill, evidenceFolder, fillTemplate, leaves } from '../intake/support.ts';
import { COMMUNES, rosterRows, unitRows, writeCsv, writeXlsx } from '../setup/files.ts';
import { realUnits, surveyCsv, unitDossier } from '../setup/real-year.ts';

async function cchc(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

function count(db: string, sql: string): number {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).pluck().get() as number;
  } finally {
    d.close();
  }
}

/** The roster with field 1 split by group: the vice-chair appraises the communes' field 1, a new member the departments'. */
function perGroupRoster(): string[][] {
  const rows = rosterRows().map((r) => (r[0] === 'Lê Thị Phó' ? [...r.slice(0, 4), 'commune:1'] : r));
  return [...rows, ['Đỗ Văn Bốn', 'Phó Giám đốc', 'Sở Xây dựng', 'member', 'department:1']];
}

describe('a real year through the CLI: 120 communes and 20 departments', () => {
  const t = tempDir();
  const saved = process.env['CCHC_PASSPHRASE'];
  process.env['CCHC_PASSPHRASE'] = 'mật khẩu thử nghiệm dài';
  afterAll(() => {
    t.remove();
    if (saved === undefined) delete process.env['CCHC_PASSPHRASE'];
    else process.env['CCHC_PASSPHRASE'] = saved;
  });

  it('sets up, takes in both rounds, exchanges, merges, finalises and prints the minutes', async () => {
    const secDir = join(t.dir, 'so-noi-vu');
    mkdirSync(secDir, { recursive: true });
    const sec = join(secDir, 'cchc.sqlite');

    // 1. the cycle, its units and its council, from files
    const created = await cchc(
      'cycle-create',
      '--db',
      sec,
      '--name',
      'Chỉ số CCHC năm 2025',
      '--year',
      '2025',
      '--province',
      'Cần Thơ',
      '--groups',
      'department,commune',
      '--decision',
      'Quyết định số 100/QĐ-UBND',
      '--council-decision',
      'Quyết định số 200/QĐ-UBND',
    );
    expect(created.stderr).toBe('');
    const cycleId = created.json().cycleId as string;
    expect(
      (
        await cchc(
          'import-units',
          '--db',
          sec,
          '--cycle',
          cycleId,
          await writeXlsx(join(t.dir, 'don-vi.xlsx'), unitRows()),
        )
      ).code,
    ).toBe(0);
    expect(
      (await cchc('import-roster', '--db', sec, '--cycle', cycleId, writeCsv(t.dir, 'hoi-dong.csv', perGroupRoster())))
        .code,
    ).toBe(0);
    expect(count(sec, 'SELECT count(*) FROM units')).toBe(140);

    // 2. templates per group, filled by every unit, taken in for round 1 then round 2 with evidence
    const fws = loadDefaultFrameworks();
    const templates: Record<string, Buffer> = {};
    for (const g of ['commune', 'department'] as const) {
      const out = join(t.dir, `mau-${g}.xlsx`);
      const r = await cchc('dossier-template', '--db', sec, '--cycle', cycleId, '--group', g, '--out', out);
      expect(r.code, r.stderr).toBe(0);
      templates[g] = readFileSync(out);
    }
    const units = realUnits();
    const auditBefore = count(sec, 'SELECT count(*) FROM audit_log');
    const lowered: { unit: string; code: string }[] = [];
    for (const [i, u] of units.entries()) {
      for (const round of [1, 2] as const) {
        const d = await unitDossier(templates[u.group]!, u, i, round);
        if (round === 1 && d.lowered) lowered.push({ unit: u.name, code: d.lowered });
        const ev = evidenceFolder(join(t.dir, 'minh-chung', String(i)), d.evidence);
        const file = join(t.dir, `hs-${i}-${round}.xlsx`);
        writeFileSync(file, d.workbook);
        const r = await cchc(
          'import-dossier',
          '--db',
          sec,
          '--cycle',
          cycleId,
          '--unit',
          u.name,
          '--round',
          String(round),
          file,
          '--evidence',
          ev,
        );
        expect(r.code, `${u.name} round ${round}: ${r.stderr}`).toBe(0);
      }
    }
    expect(count(sec, 'SELECT count(*) FROM audit_log')).toBeGreaterThan(auditBefore + units.length);
    // a filled template with a score above its maximum is refused, naming sheet, row and column, and changes nothing
    const nodes = leaves(fws.commune, 'commune');
    const prop = nodes.find((n) => n.scoring!.kind === 'proportional')!;
    const bad = join(t.dir, 'sai.xlsx');
    writeFileSync(
      bad,
      await fillTemplate(templates['commune']!, nodes, {
        unit: COMMUNES[0],
        fills: { [prop.code]: { ...defaultFill(prop), f1: 9, f2: 4 } },
      }),
    );
    const before = [count(sec, 'SELECT count(*) FROM dossier_items'), count(sec, 'SELECT count(*) FROM audit_log')];
    const refused = await cchc(
      'import-dossier',
      '--db',
      sec,
      '--cycle',
      cycleId,
      '--unit',
      COMMUNES[0]!,
      '--round',
      '2',
      bad,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^[A-Z_]+: .*(dòng|hàng) \d+/);
    expect([count(sec, 'SELECT count(*) FROM dossier_items'), count(sec, 'SELECT count(*) FROM audit_log')]).toEqual(
      before,
    );

    // 3. survey points for every unit
    const survey = surveyCsv(units);
    writeFileSync(join(t.dir, 'dtxhh.csv'), survey);
    const s = await cchc('import-survey', '--db', sec, '--cycle', cycleId, '--file', join(t.dir, 'dtxhh.csv'));
    expect(s.code, s.stderr).toBe(0);

    // 4. keys, the cycle package to every member, their appraisals back
    const secKey = await cchc('keygen', '--data-dir', secDir);
    expect(secKey.code, secKey.stderr).toBe(0);
    const members = new Database(sec, { readonly: true })
      .prepare("SELECT id, name FROM members WHERE role = 'member' AND id IN (SELECT member_id FROM member_fields)")
      .all() as { id: string; name: string }[];
    expect(members.length).toBeGreaterThanOrEqual(4);
    for (const m of members) {
      const dir = join(t.dir, m.id);
      mkdirSync(dir, { recursive: true });
      const k = await cchc('keygen', '--data-dir', dir, '--out', join(dir, 'khoa.pub.json'));
      expect(k.code, k.stderr).toBe(0);
      const reg = await cchc(
        'keygen',
        '--db',
        sec,
        '--member',
        m.id,
        '--public-key',
        join(dir, 'khoa.pub.json'),
        '--actor',
        'thu-ky',
        '--reason',
        'Đối chiếu trực tiếp',
      );
      expect(reg.code, reg.stderr).toBe(0);
    }
    // the units' lowered benchmarks, proposed in their workbooks, approved with a legal basis (no CLI command decides them)
    expect(lowered.length).toBe(Math.ceil(units.length / 5));
    expect(count(sec, "SELECT count(*) FROM exemptions WHERE status = 'proposed' AND legal_basis = ''")).toBe(
      lowered.length,
    );
    const store = openDatabase(sec);
    for (const l of lowered)
      decideExemption(store, cycleId, {
        unitId: store
          .prepare('SELECT id FROM units WHERE cycle_id = ? AND name = ?')
          .pluck()
          .get(cycleId, l.unit) as string,
        nodeCode: l.code,
        decision: 'approved',
        legalBasis: 'Công văn số 45/UBND-VP ngày 10/3/2025',
        actor: 'thu-ky',
      });
    store.close();
    const pkg = await cchc('export-cycle', '--db', sec, '--cycle', cycleId, '--out-dir', secDir, '--actor', 'thu-ky');
    expect(pkg.code, pkg.stderr).toBe(0);
    const outFiles: string[] = [];
    for (const m of members) {
      const dir = join(t.dir, m.id);
      const db = join(dir, 'cchc.sqlite');
      const got = await cchc('import-cycle', pkg.json().path, '--db', db, '--fingerprint', secKey.json().display);
      expect(got.code, got.stderr).toBe(0);
      const store = openDatabase(db);
      const scope = makeScope(store, dir, cycleId, m.id, 'member');
      for (const u of store.prepare('SELECT id FROM units WHERE cycle_id = ?').pluck().all(cycleId) as string[]) {
        agreeWithSelf(scope, { unitId: u, fieldCode: null, dryRun: false });
      }
      store.close();
      const out = await cchc('export-appraisal', '--db', db, '--out-dir', dir);
      expect(out.code, out.stderr).toBe(0);
      outFiles.push(out.json().path);
    }
    const imp = await cchc('import', ...outFiles, '--db', sec, '--actor', 'thu-ky');
    expect(imp.code, imp.stderr).toBe(0);
    const status = await cchc('merge-status', '--db', sec, '--cycle', cycleId);
    expect(status.json()).toMatchObject({ ready: true });
    // Field 1 per group: each of the two members' appraisals reached the store only for his group.
    const byGroup = (name: string) =>
      new Database(sec, { readonly: true })
        .prepare(
          `SELECT u.grp AS grp, count(*) AS n FROM appraisals a JOIN units u ON u.id = a.unit_id
           JOIN members m ON m.id = a.member_id WHERE m.name = ? GROUP BY u.grp ORDER BY u.grp`,
        )
        .all(name);
    expect(byGroup('Lê Thị Phó')).toEqual([{ grp: 'commune', n: expect.any(Number) }]);
    expect(byGroup('Đỗ Văn Bốn')).toEqual([{ grp: 'department', n: expect.any(Number) }]);

    // 5. finalise, results and the minutes say the same
    const fin = await cchc('finalise', '--db', sec, '--cycle', cycleId, '--actor', 'thu-ky');
    expect(fin.code, fin.stderr).toBe(0);
    const results = (await cchc('results', '--db', sec, '--cycle', cycleId, '--format', 'json')).json();
    expect(results.units).toHaveLength(140);
    const minutes = join(t.dir, 'bien-ban.pdf');
    const printed = await cchc('minutes', '--db', sec, '--cycle', cycleId, '--out', minutes);
    expect(printed.code, printed.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', minutes, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/BIÊN BẢN/);
    expect(text).toContain('UBND xã, phường, đặc khu');
    expect(text).toContain('Quyết định số 200/QĐ-UBND');
    expect(text).not.toMatch(/DỰ THẢO/);
    const top = results.units[0];
    expect(text).toContain(top.unit);
  }, 900_000);
});
