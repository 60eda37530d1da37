/**
 * Self-assessment intake on a real SQLite file: templates written, filled programmatically
 * (every scoring kind, a lowered benchmark proposed, evidence cited), read back; both rounds
 * with evidence folders and a .zip; every refusal leaves the database (row counts, audit) unchanged.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseDecimal, serialize } from '../../shared/decimal/rational.ts';
import { describe, expect, it } from 'vitest';
import { commitDossierImport, previewDossierImport } from '../../electron/core/intake/dossier-import.ts';
import type { DossierImportInput } from '../../electron/core/intake/dossier-prepare.ts';
import { COL, FIRST_ROW, META_SHEET, SHEET } from '../../electron/core/intake/layout.ts';
import type { IntakeProgress } from '../../electron/core/intake/progress.ts';
import { dossierTemplate } from '../../electron/core/intake/template.ts';
import { evidencePath } from '../../electron/core/evidence/files.ts';
import { outcome, tempDirs } from '../db/support.ts';
import { CYCLE, type Fill, evidenceFolder, fillTemplate, leaves, makeDb, snapshot, zipFile } from './support.ts';

const temp = tempDirs('cchc-intake-');

async function setup() {
  const dir = temp();
  const { db, frameworks } = makeDb(dir);
  const dataDir = join(dir, 'data');
  const nodes = leaves(frameworks['department']!, 'department');
  const template = (await dossierTemplate(db, CYCLE, 'department')).bytes;
  const write = (name: string, bytes: Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const input = (
    workbookPath: string,
    evidencePath: string | null,
    round: 1 | 2 = 1,
    unit = 'Sở Tư pháp',
  ): DossierImportInput => ({ cycleId: CYCLE, unit: { name: unit }, round, workbookPath, evidencePath });
  return { dir, db, dataDir, nodes, template, write, input };
}

const cited = (nodes: readonly { code: string; scoring?: { kind: string } }[]) =>
  nodes.filter((n) => n.scoring?.kind !== 'survey').map((n) => `${n.code}.pdf`);

describe('dossier template', () => {
  it('has one protected row per sub-criterion, validation on the inputs, and the cycle, group and framework hash hidden', async () => {
    const { db, nodes } = await setup();
    const t = await dossierTemplate(db, CYCLE, 'department');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.bytes as never);
    const ws = wb.getWorksheet(SHEET)!;
    const meta = wb.getWorksheet(META_SHEET)!;
    expect(meta.state).toBe('veryHidden');
    expect(meta.getCell('B2').value).toBe(CYCLE);
    expect(meta.getCell('B3').value).toBe('department');
    expect(meta.getCell('B4').value).toBe(t.target.frameworkHash);
    expect(ws.getCell(FIRST_ROW, COL.code).value).toBe(nodes[0]!.code);
    expect(ws.getCell(FIRST_ROW + nodes.length - 1, COL.code).value).toBe(nodes.at(-1)!.code);
    expect(ws.getCell(FIRST_ROW + nodes.length, COL.code).value).toBeNull();
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    const kinds = new Set(nodes.map((n) => n.scoring!.kind));
    expect(kinds.size).toBe(8);
    const tick = nodes.findIndex((n) => n.scoring!.kind === 'tick');
    const tickChoice = ws.getCell(FIRST_ROW + tick, COL.choice);
    expect(tickChoice.protection?.locked).toBe(false);
    expect(tickChoice.dataValidation).toMatchObject({ type: 'list', formulae: ['"Đạt,Không đạt"'] });
    expect(ws.getCell(FIRST_ROW + tick, COL.figure1).protection?.locked).not.toBe(false);
    expect(ws.getCell(FIRST_ROW + tick, COL.code).protection?.locked).not.toBe(false);
    const prop = nodes.findIndex((n) => n.scoring!.kind === 'proportional');
    expect(ws.getCell(FIRST_ROW + prop, COL.claimed).dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, Number(nodes[prop]!.maxPoints)],
    });
    const survey = nodes.findIndex((n) => n.scoring!.kind === 'survey');
    expect(ws.getCell(FIRST_ROW + survey, COL.claimed).protection?.locked).not.toBe(false);
  });

  it('refuses a group the cycle does not have', async () => {
    const { db } = await setup();
    expect(await outcome(dossierTemplate(db, CYCLE, 'commune'))).toMatch(/^INTAKE_GROUP_UNKNOWN: /);
  });
});

describe('import, round 1 and round 2', () => {
  it('previews (nothing written), then commits items, evidence by hash, a proposed lowered benchmark and audit rows', async () => {
    const { dir, db, dataDir, nodes, template, write, input } = await setup();
    const exemptable = nodes.find((n) => n.exemptable)!;
    const prop = nodes.find((n) => n.scoring!.kind === 'proportional')!;
    const fills: Record<string, Fill> = {
      [exemptable.code]: { lowered: 'Năm 2025 đơn vị không được giao nhiệm vụ này', explanation: 'Không có nhiệm vụ' },
      [prop.code]: {
        f1: 3,
        f2: 4,
        claimed: Number(prop.maxPoints),
        evidence: `${prop.code}.pdf (tr. 2); chung.pdf trang 3`,
        explanation: 'x',
      },
    };
    const wbPath = write('r1.xlsx', await fillTemplate(template, nodes, { unit: 'Sở Tư pháp', fills }));
    const names = [...cited(nodes).filter((n) => n !== `${exemptable.code}.pdf`), 'chung.pdf', 'khong-dan-chieu.pdf'];
    // two cited files with the same content: stored once
    const folder = evidenceFolder(join(dir, 'ev1'), names, {
      [`${nodes[0]!.code}.pdf`]: 'same',
      [`${nodes[1]!.code}.pdf`]: 'same',
    });
    const before = snapshot(db);
    const progress: IntakeProgress[] = [];
    const preview = await previewDossierImport(db, input(wbPath, folder), { onProgress: (p) => progress.push(p) });
    expect(snapshot(db)).toEqual(before);
    expect(progress.some((p) => p.phase === 'hash' && p.total === names.length - 1)).toBe(true);

    const items = nodes.filter((n) => n.scoring!.kind !== 'survey');
    expect(preview.items).toHaveLength(items.length);
    expect(preview.files.missing).toEqual([]);
    expect(preview.files.notCited).toEqual([{ path: 'khong-dan-chieu.pdf', size: expect.any(Number) }]);
    expect(preview.files.found.filter((f) => f.duplicateOf !== null)).toHaveLength(1);
    expect(preview.exemptions).toEqual([
      { code: exemptable.code, reason: 'Năm 2025 đơn vị không được giao nhiệm vụ này' },
    ]);
    const propItem = preview.items.find((i) => i.code === prop.code)!;
    // 3/4 × max, recomputed; the unit claimed the maximum
    expect(Number(propItem.score)).toBeCloseTo(0.75 * Number(prop.maxPoints), 10);
    expect(propItem.claimed).toBe(prop.maxPoints);
    expect(propItem.differs).toBe(true);
    expect(propItem.citations).toEqual([
      { fileName: `${prop.code}.pdf`, page: 2, status: 'found' },
      { fileName: 'chung.pdf', page: 3, status: 'found' },
    ]);
    expect(preview.totals.differs).toBe(true);
    expect(preview.canCommit).toBe(true);
    expect(preview.changes).toBeNull();

    const done = await commitDossierImport(db, dataDir, { ...input(wbPath, folder), actor: 'thuong-truc' });
    expect(done.preview.totals.score).toBe(preview.totals.score);
    const after = snapshot(db);
    expect(after['dossier_items']).toBe(items.length);
    expect(after['dossier_imports']).toBe(1);
    expect(after['evidence']).toBe(names.length - 2); // one duplicate, one not cited
    expect(after['audit_log']).toBe((before['audit_log'] as number) + 2);
    expect(done.newFiles).toBe(names.length - 2);
    for (const f of done.preview.files.found) expect(existsSync(evidencePath(dataDir, f.sha256!))).toBe(true);
    const row = db
      .prepare(
        'SELECT round1_input, round1_score, round1_claimed, declared, round2_score FROM dossier_items WHERE unit_id = ? AND node_code = ?',
      )
      .get('u-tp', prop.code) as Record<string, string | null>;
    expect(JSON.parse(row['round1_input']!)).toEqual({ a: '3', b: '4' });
    expect(JSON.parse(row['declared']!)).toEqual({ a: '3', b: '4' });
    expect(row['round2_score']).toBeNull();
    const ex = db
      .prepare('SELECT status, proposed_by, reason FROM exemptions WHERE unit_id = ? AND node_code = ?')
      .get('u-tp', exemptable.code);
    expect(ex).toEqual({
      status: 'proposed',
      proposed_by: null,
      reason: 'Năm 2025 đơn vị không được giao nhiệm vụ này',
    });
    const audit = db.prepare("SELECT actor, after FROM audit_log WHERE action = 'dossier.import'").get() as {
      actor: string;
      after: string;
    };
    expect(audit.actor).toBe('thuong-truc');
    expect(JSON.parse(audit.after)).toMatchObject({
      round: 1,
      fileSha256: preview.workbook.sha256,
      items: items.length,
    });
    const pages = db
      .prepare(
        'SELECT e.file_name AS f, de.page AS p FROM dossier_evidence de JOIN evidence e ON e.id = de.evidence_id WHERE de.unit_id = ? AND de.node_code = ? ORDER BY f',
      )
      .all('u-tp', prop.code);
    expect(pages).toEqual([
      { f: `${prop.code}.pdf`, p: 2 },
      { f: 'chung.pdf', p: 3 },
    ]);

    // Round 2: some items changed; evidence as a .zip with only the new file, the others already stored
    const tick = nodes.find((n) => n.scoring!.kind === 'tick')!;
    const fills2: Record<string, Fill> = {
      ...fills,
      [tick.code]: {
        choice: 'Không đạt',
        evidence: `${tick.code}.pdf; moi.pdf (tr. 1)`,
        explanation: `Giải trình ${tick.code}`,
      },
    };
    const wb2 = write('r2.xlsx', await fillTemplate(template, nodes, { unit: 'Sở Tư pháp', fills: fills2 }));
    const zip = zipFile(join(dir, 'ev2.zip'), { 'moi.pdf': '%PDF-1.4 new', 'thu muc/ghi chu.txt': 'x' });
    const p2 = await previewDossierImport(db, input(wb2, zip, 2));
    expect(p2.changes).toEqual([
      {
        code: tick.code,
        title: tick.title,
        before: tick.maxPoints,
        after: '0',
        beforeInput: 'Đạt',
        afterInput: 'Không đạt',
        explanationChanged: false,
        evidenceChanged: true,
      },
    ]);
    expect(p2.files.stored.length).toBeGreaterThan(10);
    expect(p2.files.found.map((f) => f.path)).toEqual(['moi.pdf']);
    expect(p2.files.notCited).toEqual([{ path: 'thu muc/ghi chu.txt', size: 1 }]);
    await commitDossierImport(db, dataDir, { ...input(wb2, zip, 2), actor: 'thuong-truc' });
    const r2 = db
      .prepare('SELECT round1_score, round2_score FROM dossier_items WHERE unit_id = ? AND node_code = ?')
      .get('u-tp', tick.code);
    expect(r2).toEqual({ round1_score: serialize(parseDecimal(tick.maxPoints)!), round2_score: '0' });
    expect(db.prepare('SELECT count(*) FROM dossier_imports').pluck().get()).toBe(2);
  });

  it('a lowered benchmark of a whole criterion is proposed on its sub-criteria, with the legal basis after “Căn cứ:”', async () => {
    const { dir, db, dataDir, nodes, template, write, input } = await setup();
    // 2.1 (legal drafting) allows a lowered benchmark; its sub-criteria 2.1.1 and 2.1.2 do not, and have no row of their own.
    const under = nodes.filter((n) => n.code.startsWith('2.1.'));
    expect(under.length).toBeGreaterThan(1);
    expect(under.every((n) => !n.exemptable)).toBe(true);
    const text = 'Không được giao soạn thảo văn bản quy phạm pháp luật.\nCăn cứ: Quyết định số 35/QĐ-UBND';
    const fills: Record<string, Fill> = Object.fromEntries(under.map((n) => [n.code, { lowered: text }]));
    const wb = write('r1.xlsx', await fillTemplate(template, nodes, { unit: 'Sở Tư pháp', fills }));
    const folder = evidenceFolder(join(dir, 'ev'), cited(nodes));
    const preview = await previewDossierImport(db, input(wb, folder));
    expect(preview.exemptions).toEqual([
      { code: '2.1', reason: 'Không được giao soạn thảo văn bản quy phạm pháp luật.' },
    ]);
    const before = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    await commitDossierImport(db, dataDir, { ...input(wb, folder), actor: 'thuong-truc' });
    expect(db.prepare('SELECT node_code, reason, legal_basis, status FROM exemptions').all()).toEqual([
      {
        node_code: '2.1',
        reason: 'Không được giao soạn thảo văn bản quy phạm pháp luật.',
        legal_basis: 'Quyết định số 35/QĐ-UBND',
        status: 'proposed',
      },
    ]);
    // one proposal row (not one per sub-criterion) and the import's row
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before + 2);
  });

  it('cancelled while storing files: nothing written, the files it added taken back', async () => {
    const { dir, db, dataDir, nodes, template, write, input } = await setup();
    const wbPath = write('r1.xlsx', await fillTemplate(template, nodes));
    const folder = evidenceFolder(join(dir, 'ev'), cited(nodes));
    const before = snapshot(db);
    const ac = new AbortController();
    const r = await outcome(
      commitDossierImport(
        db,
        dataDir,
        { ...input(wbPath, folder), actor: 'x' },
        { signal: ac.signal, onProgress: (p) => p.phase === 'store' && p.done === 5 && ac.abort() },
      ),
    );
    expect(r).toMatch(/^INTAKE_CANCELLED: /);
    expect(snapshot(db)).toEqual(before);
    const stored = existsSync(join(dataDir, 'evidence'))
      ? readdirSync(join(dataDir, 'evidence')).flatMap((d) => readdirSync(join(dataDir, 'evidence', d)))
      : [];
    expect(stored).toEqual([]);
  });
});

describe('refusals leave the database unchanged', () => {
  const cases: [string, RegExp, (s: Awaited<ReturnType<typeof setup>>) => Promise<DossierImportInput>][] = [
    [
      'wrong framework hash',
      /^INTAKE_FRAMEWORK_HASH: Trang “cchc” \(ẩn\), dòng 4, cột B: /,
      async (s) => {
        const b = await fillTemplate(s.template, s.nodes, {
          edit: (_ws, wb) => (wb.getWorksheet(META_SHEET)!.getCell('B4').value = 'f'.repeat(64)),
        });
        return s.input(s.write('x.xlsx', b), evidenceFolder(join(s.dir, 'e'), cited(s.nodes)));
      },
    ],
    [
      'rows reordered',
      /^INTAKE_STRUCTURE_EDITED: Trang “Tự đánh giá”, dòng 5, cột A \(Mã\): mã “/,
      async (s) => {
        const b = await fillTemplate(s.template, s.nodes, {
          edit: (ws) => {
            const a = ws.getCell(FIRST_ROW, COL.code).value;
            ws.getCell(FIRST_ROW, COL.code).value = ws.getCell(FIRST_ROW + 1, COL.code).value;
            ws.getCell(FIRST_ROW + 1, COL.code).value = a;
          },
        });
        return s.input(s.write('x.xlsx', b), evidenceFolder(join(s.dir, 'e'), cited(s.nodes)));
      },
    ],
    [
      'a row added below',
      /^INTAKE_STRUCTURE_EDITED: Trang “Tự đánh giá”, dòng \d+, cột A: có nội dung dưới dòng cuối/,
      async (s) => {
        const b = await fillTemplate(s.template, s.nodes, {
          edit: (ws) => (ws.getCell(FIRST_ROW + s.nodes.length, COL.code).value = '9.9'),
        });
        return s.input(s.write('x.xlsx', b), evidenceFolder(join(s.dir, 'e'), cited(s.nodes)));
      },
    ],
    [
      'a row removed',
      /^INTAKE_STRUCTURE_EDITED: Trang “Tự đánh giá”, dòng \d+, cột A \(Mã\): thiếu dòng của tiêu chí/,
      async (s) => {
        const b = await fillTemplate(s.template, s.nodes, {
          edit: (ws) => ws.spliceRows(FIRST_ROW + s.nodes.length - 1, 1),
        });
        return s.input(s.write('x.xlsx', b), evidenceFolder(join(s.dir, 'e'), cited(s.nodes)));
      },
    ],
    [
      'a maximum changed',
      /^INTAKE_STRUCTURE_EDITED: Trang “Tự đánh giá”, dòng 5, cột C \(Điểm tối đa\): /,
      async (s) => {
        const b = await fillTemplate(s.template, s.nodes, {
          edit: (ws) => (ws.getCell(FIRST_ROW, COL.max).value = 99),
        });
        return s.input(s.write('x.xlsx', b), evidenceFolder(join(s.dir, 'e'), cited(s.nodes)));
      },
    ],
    [
      'text in a number cell',
      /^INTAKE_NOT_A_NUMBER: Trang “Tự đánh giá”, dòng \d+, cột I \(Số liệu 1\): “mười” không phải là một số\./,
      async (s) => {
        const n = s.nodes.find((x) => x.scoring!.kind === 'count')!;
        const b = await fillTemplate(s.template, s.nodes, {
          fills: { [n.code]: { f1: 'mười', evidence: `${n.code}.pdf` } },
        });
        return s.input(s.write('x.xlsx', b), evidenceFolder(join(s.dir, 'e'), cited(s.nodes)));
      },
    ],
    [
      'a score above the maximum',
      /^INTAKE_SCORE_ABOVE_MAX: Trang “Tự đánh giá”, dòng \d+, cột K \(Điểm tự chấm\): điểm tự chấm 99 lớn hơn điểm tối đa/,
      async (s) => {
        const n = s.nodes.find((x) => x.scoring!.kind === 'tick')!;
        const b = await fillTemplate(s.template, s.nodes, {
          fills: { [n.code]: { choice: 'Đạt', claimed: 99, evidence: `${n.code}.pdf` } },
        });
        return s.input(s.write('x.xlsx', b), evidenceFolder(join(s.dir, 'e'), cited(s.nodes)));
      },
    ],
    [
      'missing evidence',
      /^INTAKE_EVIDENCE_MISSING: Trang “Tự đánh giá”, dòng \d+, cột M \(Tài liệu kiểm chứng \(tên tệp, trang\)\): tài liệu “/,
      async (s) => {
        const b = await fillTemplate(s.template, s.nodes);
        return s.input(s.write('x.xlsx', b), evidenceFolder(join(s.dir, 'e'), cited(s.nodes).slice(1)));
      },
    ],
    [
      'a unit not in the cycle',
      /^INTAKE_UNIT_UNKNOWN: Đơn vị “Sở Ngoại vụ” không có trong kỳ đánh giá/,
      async (s) => {
        const b = await fillTemplate(s.template, s.nodes);
        return s.input(s.write('x.xlsx', b), null, 1, 'Sở Ngoại vụ');
      },
    ],
    [
      'another group’s template',
      /^INTAKE_WRONG_GROUP: /,
      async (s) => {
        const b = await fillTemplate(s.template, s.nodes);
        return s.input(s.write('x.xlsx', b), null, 1, 'UBND xã An Thạnh');
      },
    ],
    [
      'the workbook names another unit',
      /^INTAKE_UNIT_MISMATCH: Trang “Tự đánh giá”, dòng 2, cột C/,
      async (s) => {
        const b = await fillTemplate(s.template, s.nodes, { unit: 'Sở Tài chính' });
        return s.input(s.write('x.xlsx', b), evidenceFolder(join(s.dir, 'e'), cited(s.nodes)));
      },
    ],
    [
      'a lowered benchmark where none is allowed',
      /^INTAKE_NOT_EXEMPTABLE: Trang “Tự đánh giá”, dòng 5, cột N/,
      async (s) => {
        const n = s.nodes[0]!;
        expect(n.exemptable).toBe(false);
        const b = await fillTemplate(s.template, s.nodes, {
          fills: { [n.code]: { lowered: 'Không có nhiệm vụ', evidence: `${n.code}.pdf` } },
        });
        return s.input(s.write('x.xlsx', b), evidenceFolder(join(s.dir, 'e'), cited(s.nodes)));
      },
    ],
    [
      'an input the kind refuses (a > b)',
      /^INTAKE_INPUT_INVALID: Trang “Tự đánh giá”, dòng \d+, cột I \(Số liệu 1\): Số đạt \(a\) không được lớn hơn tổng số \(b\)\./,
      async (s) => {
        const n = s.nodes.find((x) => x.scoring!.kind === 'proportional')!;
        const b = await fillTemplate(s.template, s.nodes, {
          fills: { [n.code]: { f1: 5, f2: 4, evidence: `${n.code}.pdf` } },
        });
        return s.input(s.write('x.xlsx', b), evidenceFolder(join(s.dir, 'e'), cited(s.nodes)));
      },
    ],
    [
      'round 2 before round 1',
      /^INTAKE_ROUND1_MISSING: /,
      async (s) => {
        const b = await fillTemplate(s.template, s.nodes);
        return s.input(s.write('x.xlsx', b), evidenceFolder(join(s.dir, 'e'), cited(s.nodes)), 2);
      },
    ],
  ];

  for (const [name, expected, make] of cases) {
    it(name, async () => {
      const s = await setup();
      const inp = await make(s);
      const before = snapshot(s.db);
      const r = await outcome(commitDossierImport(s.db, s.dataDir, { ...inp, actor: 'x' }));
      expect(r).toMatch(expected);
      expect(snapshot(s.db)).toEqual(before);
      expect(
        existsSync(join(s.dataDir, 'evidence'))
          ? readdirSync(join(s.dataDir, 'evidence')).filter((d) => !d.startsWith('.'))
          : [],
      ).toEqual([]);
    });
  }

  it('the preview shows missing files instead of refusing', async () => {
    const s = await setup();
    const b = await fillTemplate(s.template, s.nodes);
    const p = await previewDossierImport(
      s.db,
      s.input(s.write('x.xlsx', b), evidenceFolder(join(s.dir, 'e'), cited(s.nodes).slice(2))),
    );
    expect(p.canCommit).toBe(false);
    expect(p.files.missing.map((m) => m.fileName)).toEqual(cited(s.nodes).slice(0, 2));
  });
});
