/** A criteria framework as an Excel workbook: sheet "Bộ tiêu chí" (one row per node) and sheet "Thông tin". */
import { GROUP_PRESETS, isGroupPreset } from '../../../shared/framework/groups.ts';
import { writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { parseDecimal } from '../../../shared/decimal/rational.ts';
import { normalizeDecimal } from '../../../shared/framework/canonical.ts';
import { compareCodes } from '../../../shared/framework/tree.ts';
import { type Framework, type Scoring, SCORING_KINDS, SCORING_KIND_LABELS } from '../../../shared/framework/types.ts';
import { frameworkHash } from './hash.ts';

import { INFO_LABELS, SHEET_INFO, SHEET_NODES, XLSX_COLUMNS } from './file-schema.ts';

export async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

// ---------------------------------------------------------------- xlsx: write

function decimalPlaces(text: string): number {
  const i = text.indexOf('.');
  return i < 0 ? 0 : text.length - i - 1;
}

function scoringParams(s: Scoring | undefined): string {
  if (!s) return '';
  const { kind: _kind, ...rest } = s as Scoring & Record<string, unknown>;
  return Object.keys(rest).length === 0 ? '' : JSON.stringify(rest);
}

/** The workbook as an .xlsx buffer. */
export async function frameworkToXlsx(f: Framework): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'Thẩm định Chỉ số CCHC';
  wb.created = new Date(Date.UTC(f.year, 0, 1));
  const ws = wb.addWorksheet(SHEET_NODES, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = XLSX_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  const kinds = `"${SCORING_KINDS.join(',')}"`;
  const nodes = [...f.nodes].sort((a, b) => compareCodes(a.code, b.code));
  for (const n of nodes) {
    const max = parseDecimal(n.maxPoints);
    const row = ws.addRow({
      code: n.code,
      parent: n.parent ?? '',
      title: n.title,
      maxPoints: max ? Number(normalizeDecimal(n.maxPoints)) : n.maxPoints,
      kind: n.scoring?.kind ?? '',
      params: scoringParams(n.scoring),
      groups: n.groups.join(', '),
      exemptable: n.exemptable ? 'Có' : 'Không',
      guide: n.guide,
      evidence: n.evidence,
    });
    row.getCell('code').numFmt = '@';
    row.getCell('parent').numFmt = '@';
    const places = decimalPlaces(normalizeDecimal(n.maxPoints));
    row.getCell('maxPoints').numFmt = places <= 2 ? '0.00' : `0.${'0'.repeat(places)}`;
    row.getCell('kind').dataValidation = { type: 'list', allowBlank: true, formulae: [kinds] };
    row.getCell('exemptable').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Có,Không"'] };
    for (const k of ['title', 'guide', 'evidence', 'params'] as const)
      row.getCell(k).alignment = { wrapText: true, vertical: 'top' };
    if (n.parent === null) row.font = { bold: true };
  }
  const info = wb.addWorksheet(SHEET_INFO);
  info.columns = [
    { header: 'Thông tin', key: 'label', width: 28 },
    { header: 'Giá trị', key: 'value', width: 60 },
    { header: 'Ghi chú', key: 'note', width: 40 },
  ];
  info.getRow(1).font = { bold: true };
  info.addRow({ label: INFO_LABELS.name, value: f.name });
  info.addRow({ label: INFO_LABELS.year, value: f.year });
  info.addRow({
    label: INFO_LABELS.group,
    value: f.group,
    note: isGroupPreset(f.group) ? GROUP_PRESETS[f.group].label : '',
  });
  info.addRow({ label: INFO_LABELS.sample, value: f.sample ? 'Có' : 'Không' });
  info.addRow({ label: INFO_LABELS.hash, value: frameworkHash(f), note: 'Chỉ để đối chiếu; được tính lại khi nhập.' });
  const groupsNote = `mã nhóm của kỳ đánh giá (chữ thường không dấu, số, “_”), ví dụ: ${Object.values(GROUP_PRESETS)
    .map((g) => `${g.code} = ${g.label}`)
    .join('; ')}`;
  info.addRow({ label: 'Mã nhóm đơn vị', value: groupsNote });
  info.addRow({
    label: 'Mã cách chấm',
    value: SCORING_KINDS.map((k) => `${k} = ${SCORING_KIND_LABELS[k]}`).join('; '),
  });
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export async function writeFrameworkXlsxFile(path: string, f: Framework): Promise<void> {
  writeFileSync(path, await frameworkToXlsx(f));
}
