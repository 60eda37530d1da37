/**
 * The cycle's units (cơ quan, đơn vị): imported from a .xlsx/.csv list (unit, group, optional
 * short name, head, contact), previewed, then written in one transaction; added, renamed,
 * reordered and removed one by one. All refused once appraisal has started. Names are unique
 * within a cycle (compared without case, diacritics kept); groups are the cycle's (code, label or
 * short label).
 */
import { foldKey } from '../summary/columns.ts';
import { normalizeUnitName } from '../summary/table.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { listCycleGroups } from '../db/repos/groups.ts';
import {
  type UnitDetails,
  deleteUnitRow,
  insertUnitDetails,
  listUnitDetails,
  setUnitSortOrder,
  unitHasData,
  updateUnitDetails,
} from '../db/repos/setup.ts';
import { assertSetupOpen, requireCycleSetup } from './cycles.ts';
import { fileFailure, setupFailure } from './errors.ts';
import { SETUP_ERRORS as E } from '../../../shared/errors/catalogue.ts';
import { type ColumnSpec, type ListTable, readListFile } from './table-file.ts';

type UnitColumn = 'unit' | 'group' | 'shortName' | 'head' | 'contact' | 'code';

const UNIT_COLUMNS: readonly ColumnSpec<UnitColumn>[] = [
  { key: 'unit', aliases: ['Đơn vị', 'unit', 'Tên đơn vị', 'Cơ quan, đơn vị', 'Cơ quan', 'name'], required: true },
  { key: 'group', aliases: ['Nhóm', 'group', 'Nhóm đơn vị', 'Khối'], required: true },
  { key: 'shortName', aliases: ['Tên ngắn', 'short name', 'short_name', 'Tên viết tắt', 'Viết tắt'], required: false },
  { key: 'head', aliases: ['Thủ trưởng', 'head', 'Người đứng đầu', 'Lãnh đạo'], required: false },
  { key: 'contact', aliases: ['Liên hệ', 'contact', 'Đầu mối', 'Đầu mối liên hệ'], required: false },
  { key: 'code', aliases: ['Mã đơn vị', 'code', 'Mã'], required: false },
];

/** An optional stable code of a unit (the unit's id is `<cycle>-<code>`): lower-case ASCII, digits, “-”. */
const UNIT_CODE_RE = /^[a-z0-9][a-z0-9-]{0,59}$/;

export interface UnitInput {
  readonly name: string;
  readonly group: string;
  readonly shortName?: string;
  readonly head?: string;
  readonly contact?: string;
}

interface UnitImportRow extends Required<UnitInput> {
  readonly row: number;
  /** The code the file gives (the new unit's id is `<cycle>-<code>`), '' when none. */
  readonly code: string;
  /** Already in the cycle under this name (kept, its details updated). */
  readonly existing: boolean;
}

export interface UnitImportPreview {
  readonly file: string;
  readonly sha256: string;
  readonly rows: readonly UnitImportRow[];
  readonly added: number;
  readonly updated: number;
  /** Per group code: how many units the cycle has after the import. */
  readonly byGroup: Readonly<Record<string, number>>;
  readonly committed: boolean;
}

const nameKey = (name: string) => normalizeUnitName(name).toLocaleLowerCase('vi');

function groupResolver(db: Db, cycleId: string): (text: string) => string | null {
  const groups = listCycleGroups(db, cycleId);
  return (text) => {
    const k = foldKey(text);
    if (!k) return null;
    return (
      groups.find((g) => foldKey(g.code) === k || foldKey(g.label) === k || foldKey(g.shortLabel) === k)?.code ?? null
    );
  };
}

function groupList(db: Db, cycleId: string): string {
  return listCycleGroups(db, cycleId)
    .map((g) => `“${g.label}” (${g.code})`)
    .join(', ');
}

/** Checks a read list against the cycle; throws the first refusal (file, row, column). */
function planUnits(db: Db, cycleId: string, table: ListTable<UnitColumn>): UnitImportPreview {
  requireCycleSetup(db, cycleId);
  const resolve = groupResolver(db, cycleId);
  const existing = new Map(listUnitDetails(db, cycleId).map((u) => [nameKey(u.name), u]));
  const seen = new Map<string, number>();
  const codes = new Map<string, number>();
  const ids = new Set(listUnitDetails(db, cycleId).map((u) => u.id));
  const rows: UnitImportRow[] = [];
  const col = (k: UnitColumn) => table.headers[k] ?? k;
  for (const r of table.rows) {
    const name = normalizeUnitName(r.values.unit);
    const at = { file: table.file, row: r.row };
    const code = r.values.code;
    if (!name) throw fileFailure(E.EMPTY_CELL, { ...at, column: col('unit') }, 'thiếu tên đơn vị.');
    if (name.length > 300)
      throw fileFailure(E.EMPTY_CELL, { ...at, column: col('unit') }, 'tên đơn vị dài quá 300 ký tự.');
    const dup = seen.get(nameKey(name));
    if (dup !== undefined)
      throw fileFailure(
        E.DUPLICATE_UNIT,
        { ...at, column: col('unit') },
        `đơn vị “${name}” trùng với dòng ${dup}.`,
        name,
      );
    seen.set(nameKey(name), r.row);
    if (!r.values.group)
      throw fileFailure(E.EMPTY_CELL, { ...at, column: col('group') }, `thiếu nhóm của đơn vị “${name}”.`);
    const group = resolve(r.values.group);
    if (!group) {
      throw fileFailure(
        E.UNKNOWN_GROUP,
        { ...at, column: col('group') },
        `nhóm “${r.values.group}” không có trong kỳ đánh giá; các nhóm của kỳ: ${groupList(db, cycleId)}.`,
        r.values.group,
      );
    }
    const old = existing.get(nameKey(name));
    if (old && old.group !== group) {
      throw fileFailure(
        E.DUPLICATE_UNIT,
        { ...at, column: col('group') },
        `đơn vị “${name}” đã có trong kỳ đánh giá ở nhóm “${old.group}”; không đổi nhóm bằng cách nhập lại.`,
        name,
      );
    }
    if (code && !old) {
      if (!UNIT_CODE_RE.test(code))
        throw fileFailure(
          E.BAD_TEXT,
          { ...at, column: col('code') },
          `mã đơn vị “${code}” không hợp lệ: chỉ chữ thường không dấu, chữ số và “-”, tối đa 60 ký tự.`,
          code,
        );
      const dupCode = codes.get(code);
      if (dupCode !== undefined || ids.has(`${cycleId}-${code}`))
        throw fileFailure(
          E.DUPLICATE_UNIT,
          { ...at, column: col('code') },
          dupCode !== undefined
            ? `mã đơn vị “${code}” trùng với dòng ${dupCode}.`
            : `mã đơn vị “${code}” đã có trong kỳ.`,
          code,
        );
      codes.set(code, r.row);
    }
    rows.push({
      row: r.row,
      code: old ? '' : code,
      name,
      group,
      shortName: r.values.shortName,
      head: r.values.head,
      contact: r.values.contact,
      existing: Boolean(old),
    });
  }
  if (rows.length === 0) throw fileFailure(E.NO_ROWS, { file: table.file }, 'không có đơn vị nào dưới dòng tiêu đề.');
  const byGroup: Record<string, number> = {};
  const names = new Set(rows.map((r) => nameKey(r.name)));
  for (const u of existing.values()) if (!names.has(nameKey(u.name))) byGroup[u.group] = (byGroup[u.group] ?? 0) + 1;
  for (const r of rows) byGroup[r.group] = (byGroup[r.group] ?? 0) + 1;
  const added = rows.filter((r) => !r.existing).length;
  return {
    file: table.file,
    sha256: table.sha256,
    rows,
    added,
    updated: rows.length - added,
    byGroup,
    committed: false,
  };
}

/**
 * Reads a units list and, unless `dryRun`, writes it: new names are added after the existing
 * units (in the file's order), names already in the cycle get their details updated.
 */
export async function importUnits(
  db: Db,
  cycleId: string,
  path: string,
  options: { dryRun?: boolean; actor?: string; fileName?: string } = {},
): Promise<UnitImportPreview> {
  requireCycleSetup(db, cycleId);
  if (!options.dryRun) assertSetupOpen(db, cycleId, 'nhập danh sách đơn vị');
  const table = await readListFile(path, UNIT_COLUMNS, options.fileName);
  const preview = planUnits(db, cycleId, table);
  if (options.dryRun) return preview;
  commitUnits(db, cycleId, preview, options.actor ?? 'secretariat');
  return { ...preview, committed: true };
}

function commitUnits(db: Db, cycleId: string, preview: UnitImportPreview, actor: string): void {
  tx(db, () => {
    assertSetupOpen(db, cycleId, 'nhập danh sách đơn vị');
    const existing = new Map(listUnitDetails(db, cycleId).map((u) => [nameKey(u.name), u]));
    let order = Math.max(0, ...[...existing.values()].map((u) => u.sortOrder));
    let next = nextUnitNumber(db, cycleId);
    for (const r of preview.rows) {
      const old = existing.get(nameKey(r.name));
      if (old)
        updateUnitDetails(db, { id: old.id, name: r.name, shortName: r.shortName, head: r.head, contact: r.contact });
      else
        insertUnitDetails(db, cycleId, {
          id: r.code ? `${cycleId}-${r.code}` : `${cycleId}-u${String(next++).padStart(3, '0')}`,
          name: r.name,
          group: r.group,
          sortOrder: ++order,
          shortName: r.shortName,
          head: r.head,
          contact: r.contact,
        });
    }
    appendAudit(db, {
      actor,
      action: 'setup.units.import',
      entity: 'cycle',
      entityId: cycleId,
      after: {
        file: preview.file,
        fileSha256: preview.sha256,
        added: preview.added,
        updated: preview.updated,
        byGroup: preview.byGroup,
      },
    });
  });
}

function nextUnitNumber(db: Db, cycleId: string): number {
  const prefix = `${cycleId}-u`;
  let max = 0;
  for (const u of listUnitDetails(db, cycleId)) {
    if (u.id.startsWith(prefix)) {
      const n = Number(u.id.slice(prefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
  }
  return max + 1;
}

function checkName(db: Db, cycleId: string, name: string, except: string | null): string {
  const n = normalizeUnitName(name);
  if (!n) throw setupFailure(E.EMPTY_CELL, 'Chưa nhập tên đơn vị.');
  if (n.length > 300) throw setupFailure(E.BAD_TEXT, 'Tên đơn vị dài quá 300 ký tự.');
  const clash = listUnitDetails(db, cycleId).find((u) => u.id !== except && nameKey(u.name) === nameKey(n));
  if (clash)
    throw setupFailure(E.DUPLICATE_UNIT, `Đã có đơn vị “${clash.name}” trong kỳ đánh giá.`, { unitId: clash.id });
  return n;
}

function requireUnit(db: Db, cycleId: string, unitId: string): UnitDetails {
  const u = listUnitDetails(db, cycleId).find((x) => x.id === unitId);
  if (!u) throw setupFailure(E.UNIT_NOT_FOUND, `Không có đơn vị “${unitId}” trong kỳ đánh giá.`, { unitId });
  return u;
}

export function addUnit(db: Db, cycleId: string, input: UnitInput, actor: string): UnitDetails {
  assertSetupOpen(db, cycleId, 'thêm đơn vị');
  const name = checkName(db, cycleId, input.name, null);
  const group = groupResolver(db, cycleId)(input.group);
  if (!group)
    throw setupFailure(
      E.UNKNOWN_GROUP,
      `Nhóm “${input.group}” không có trong kỳ đánh giá; các nhóm của kỳ: ${groupList(db, cycleId)}.`,
      { group: input.group },
    );
  const units = listUnitDetails(db, cycleId);
  const u: UnitDetails = {
    id: `${cycleId}-u${String(nextUnitNumber(db, cycleId)).padStart(3, '0')}`,
    name,
    group,
    sortOrder: Math.max(0, ...units.map((x) => x.sortOrder)) + 1,
    shortName: (input.shortName ?? '').trim(),
    head: (input.head ?? '').trim(),
    contact: (input.contact ?? '').trim(),
  };
  tx(db, () => {
    insertUnitDetails(db, cycleId, u);
    appendAudit(db, { actor, action: 'setup.unit.add', entity: 'unit', entityId: u.id, after: u });
  });
  return u;
}

/** Renames a unit and/or changes its short name, head, contact. */
export function editUnit(
  db: Db,
  cycleId: string,
  unitId: string,
  patch: Partial<Omit<UnitInput, 'group'>>,
  actor: string,
): UnitDetails {
  assertSetupOpen(db, cycleId, 'sửa đơn vị');
  const before = requireUnit(db, cycleId, unitId);
  const after: UnitDetails = {
    ...before,
    name: patch.name !== undefined ? checkName(db, cycleId, patch.name, unitId) : before.name,
    shortName: patch.shortName?.trim() ?? before.shortName,
    head: patch.head?.trim() ?? before.head,
    contact: patch.contact?.trim() ?? before.contact,
  };
  tx(db, () => {
    updateUnitDetails(db, after);
    appendAudit(db, { actor, action: 'setup.unit.edit', entity: 'unit', entityId: unitId, before, after });
  });
  return after;
}

/** Sets the order of the cycle's units: `ids` must list every unit once. */
export function reorderUnits(db: Db, cycleId: string, ids: readonly string[], actor: string): UnitDetails[] {
  assertSetupOpen(db, cycleId, 'sắp xếp đơn vị');
  const units = listUnitDetails(db, cycleId);
  const known = new Set(units.map((u) => u.id));
  if (ids.length !== units.length || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
    throw setupFailure(E.BAD_ORDER, 'Thứ tự mới phải liệt kê mỗi đơn vị của kỳ đánh giá đúng một lần.');
  }
  tx(db, () => {
    ids.forEach((id, i) => setUnitSortOrder(db, id, i + 1));
    appendAudit(db, {
      actor,
      action: 'setup.units.reorder',
      entity: 'cycle',
      entityId: cycleId,
      before: units.map((u) => u.id),
      after: ids,
    });
  });
  return listUnitDetails(db, cycleId);
}

export function removeUnit(db: Db, cycleId: string, unitId: string, actor: string): void {
  assertSetupOpen(db, cycleId, 'xóa đơn vị');
  const u = requireUnit(db, cycleId, unitId);
  if (unitHasData(db, unitId)) {
    throw setupFailure(E.UNIT_HAS_DATA, `Đơn vị “${u.name}” đã có hồ sơ tự đánh giá hoặc số liệu; không xóa được.`, {
      unitId,
    });
  }
  tx(db, () => {
    deleteUnitRow(db, unitId);
    appendAudit(db, { actor, action: 'setup.unit.remove', entity: 'unit', entityId: unitId, before: u });
  });
}
