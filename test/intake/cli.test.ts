/** `cchc dossier-template` and `cchc import-dossier` as child processes on a real database file. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.ts';
import { tempDirs } from '../db/support.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { CYCLE, evidenceFolder, fillTemplate, leaves, makeDb, snapshot } from './support.ts';

const temp = tempDirs('cchc-intake-cli-');

describe('cchc dossier-template / import-dossier', () => {
  it('writes a template, previews with --dry-run, refuses missing evidence, imports both rounds', async () => {
    const dir = temp();
    const { db, path, frameworks } = makeDb(dir);
    db.close();
    const nodes = leaves(frameworks['district']!, 'district');
    const out = join(dir, 'mau.xlsx');
    const t = await cli('dossier-template', '--db', path, '--cycle', CYCLE, '--group', 'district', '--out', out);
    expect(t.stderr).toBe('');
    expect(t.code).toBe(0);
    expect(JSON.parse(t.stdout)).toMatchObject({ group: 'district', rows: nodes.length });

    const wb = join(dir, 'xa.xlsx');
    writeFileSync(wb, await fillTemplate(readFileSync(out), nodes, { unit: 'UBND xã An Thạnh' }));
    const names = nodes.filter((n) => n.scoring!.kind !== 'survey').map((n) => `${n.code}.pdf`);
    const partial = evidenceFolder(join(dir, 'ev-thieu'), names.slice(1));
    const unit = ['--db', path, '--cycle', CYCLE, '--unit', 'UBND xã An Thạnh'];

    const dry = await cli('import-dossier', ...unit, '--round', '1', wb, '--evidence', partial, '--dry-run');
    expect(dry.code).toBe(0);
    const preview = JSON.parse(dry.stdout);
    expect(preview.canCommit).toBe(false);
    expect(preview.files.missing).toEqual([{ fileName: names[0], codes: [nodes[0]!.code], rows: [5] }]);

    const db1 = openDatabase(path);
    const before = snapshot(db1);
    db1.close();
    const refused = await cli('import-dossier', ...unit, '--round', '1', wb, '--evidence', partial);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^INTAKE_EVIDENCE_MISSING: Trang “Tự đánh giá”, dòng 5, cột M /);
    const db2 = openDatabase(path);
    expect(snapshot(db2)).toEqual(before);
    db2.close();

    const full = evidenceFolder(join(dir, 'ev'), names);
    const ok = await cli('import-dossier', ...unit, '--round', '1', wb, '--evidence', full);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      unit: 'UBND xã An Thạnh',
      round: 1,
      items: names.length,
      evidenceFiles: names.length,
      newFiles: names.length,
      changes: null,
    });

    const wb2 = join(dir, 'xa-2.xlsx');
    writeFileSync(wb2, await fillTemplate(readFileSync(out), nodes, { unit: 'UBND xã An Thạnh', variant: 1 }));
    const r2 = await cli('import-dossier', ...unit, '--round', '2', wb2);
    expect(r2.code).toBe(0);
    const done = JSON.parse(r2.stdout);
    expect(done.newFiles).toBe(0);
    expect(done.changes).toBeGreaterThan(0);
  }, 300_000);

  it('exit 2 on bad usage, 1 on bad data, CODE: message on stderr', async () => {
    const dir = temp();
    const { db, path } = makeDb(dir);
    db.close();
    const x = join(dir, 'x.xlsx');
    writeFileSync(x, 'not a workbook');
    const usage = await cli('import-dossier', '--db', path, '--unit', 'Sở Tư pháp', '--round', '3', x);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^CLI_USAGE: --round phải là 1 hoặc 2/);
    const noFile = await cli('import-dossier', '--db', path, '--unit', 'Sở Tư pháp', '--round', '1');
    expect(noFile.code).toBe(2);
    const unknown = await cli('import-dossier', '--db', path, '--unit', 'Sở Ngoại vụ', '--round', '1', x);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^INTAKE_UNIT_UNKNOWN: Đơn vị “Sở Ngoại vụ” không có trong kỳ đánh giá/);
    const broken = await cli('import-dossier', '--db', path, '--unit', 'Sở Tư pháp', '--round', '1', x);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^INTAKE_WORKBOOK_UNREADABLE: /);
    const group = await cli('dossier-template', '--db', path, '--group', 'commune', '--out', join(dir, 'c.xlsx'));
    expect(group.code).toBe(1);
    expect(group.stderr).toMatch(/^INTAKE_GROUP_UNKNOWN: /);
  }, 300_000);
});
