import { cycleEntries, exampleEntry } from '../council/entries.ts';
import { foldKey } from '../summary/columns.ts';
import { normalizeUnitName } from '../summary/table.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { listMembers, setMemberFields } from '../db/repos/members.ts';
import { type CouncilRole, updateMemberRow } from '../db/repos/setup.ts';
import { requireCycleSetup } from './cycles.ts';
import { fileFailure } from './errors.ts';
import { SETUP_ERRORS as E } from '../../../shared/errors/catalogue.ts';
import { type ColumnSpec, type ListTable, readListFile } from './table-file.ts';
import {
  type Checked,
  type RosterColumn,
  type RosterRole,
  checkMember,
  cycleFields,
  insertChecked,
  memberKey,
  nextMemberId,
} from './roster.ts';

const ROSTER_COLUMNS: readonly ColumnSpec<RosterColumn>[] = [
  { key: 'name', aliases: ['Họ và tên', 'name', 'Họ tên', 'Tên'], required: true },
  { key: 'position', aliases: ['Chức vụ', 'position'], required: false },
  { key: 'agency', aliases: ['Cơ quan', 'agency', 'Đơn vị công tác', 'Cơ quan công tác'], required: false },
  { key: 'role', aliases: ['Vai trò', 'role', 'Vai trò trong Hội đồng'], required: true },
  { key: 'fields', aliases: ['Lĩnh vực', 'fields', 'Lĩnh vực phụ trách', 'Lĩnh vực thẩm định'], required: false },
  { key: 'code', aliases: ['Mã thành viên', 'code', 'Mã'], required: false },
];

/** An optional stable code of a member (the member's id is `<cycle>-<code>`): lower-case ASCII, digits, “-”. */
const MEMBER_CODE_RE = /^[a-z0-9][a-z0-9-]{0,59}$/;

const ROLE_WORDS: Readonly<Record<RosterRole, readonly string[]>> = {
  chair: ['chair', 'Chủ tịch', 'Chủ tịch Hội đồng'],
  vice_chair: ['vice-chair', 'vice_chair', 'vice chair', 'Phó Chủ tịch', 'Phó Chủ tịch Hội đồng'],
  member: ['member', 'Thành viên', 'Ủy viên', 'Uỷ viên'],
  secretary: ['secretary', 'Thư ký', 'Thư ký Hội đồng'],
  secretariat: ['secretariat', 'Thường trực', 'Cơ quan thường trực'],
};

function parseRole(text: string): RosterRole | null {
  const k = foldKey(text);
  for (const [role, words] of Object.entries(ROLE_WORDS) as [RosterRole, readonly string[]][]) {
    if (words.some((w) => foldKey(w) === k)) return role;
  }
  return null;
}

/** "1, 2; 5" or "1 2 commune:5" → ["1","2","commune:5"]; "" → []. */
function parseFieldList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

interface RosterImportRow {
  readonly row: number;
  /** The code the file gives (a new member's id is `<cycle>-<code>`), '' when none. */
  readonly code: string;
  readonly name: string;
  readonly position: string;
  readonly agency: string;
  readonly role: 'member' | 'secretariat';
  readonly councilRole: CouncilRole;
  readonly fields: readonly string[];
  /** Already on the roster under this name (kept, details updated). */
  readonly existing: boolean;
}

export interface RosterImportPreview {
  readonly file: string;
  readonly sha256: string;
  readonly rows: readonly RosterImportRow[];
  readonly added: number;
  readonly updated: number;
  readonly committed: boolean;
}

function planRoster(db: Db, cycleId: string, table: ListTable<RosterColumn>): RosterImportPreview {
  requireCycleSetup(db, cycleId);
  const col = (k: RosterColumn) => table.headers[k] ?? k;
  const existing = new Map(listMembers(db, cycleId).map((m) => [memberKey(m.name), m]));
  const seen = new Map<string, number>();
  const codes = new Map<string, number>();
  const ids = new Set(listMembers(db, cycleId).map((m) => m.id));
  const rows: RosterImportRow[] = [];
  let chairRow: number | null = null;
  for (const r of table.rows) {
    const at = (column: RosterColumn) => ({ file: table.file, row: r.row, column: col(column) });
    const name = normalizeUnitName(r.values.name);
    if (!name) throw fileFailure(E.EMPTY_CELL, at('name'), 'thiếu họ và tên.');
    const dup = seen.get(memberKey(name));
    if (dup !== undefined) throw fileFailure(E.DUPLICATE_MEMBER, at('name'), `“${name}” trùng với dòng ${dup}.`, name);
    seen.set(memberKey(name), r.row);
    const role = parseRole(r.values.role);
    if (!role) {
      throw fileFailure(
        E.BAD_ROLE,
        at('role'),
        `vai trò “${r.values.role}” không hợp lệ; dùng: Chủ tịch, Phó Chủ tịch, Thành viên, Thư ký (hoặc chair, vice-chair, member, secretary), Thường trực.`,
        r.values.role,
      );
    }
    if (role === 'chair') {
      if (chairRow !== null)
        throw fileFailure(E.ONE_CHAIR, at('role'), `Hội đồng chỉ có một Chủ tịch (đã có ở dòng ${chairRow}).`);
      chairRow = r.row;
    }
    const old = existing.get(memberKey(name));
    // Checked against the roster as it will be: the file's own chair replaces nobody silently.
    const c = checkMember(
      db,
      cycleId,
      { name, position: r.values.position, agency: r.values.agency, role, fields: parseFieldList(r.values.fields) },
      old?.id ?? null,
      (column) => {
        if (column === 'name') return null; // names in the roster are updated, not refused
        return fileFailure(
          column === 'fields' ? E.UNKNOWN_FIELD : E.ONE_CHAIR,
          at(column),
          column === 'fields'
            ? `lĩnh vực “${r.values.fields}” không hợp lệ: ${fieldProblem(db, cycleId, role, parseFieldList(r.values.fields))}`
            : 'Hội đồng đã có Chủ tịch trong danh sách hiện tại.',
          column === 'fields' ? r.values.fields : r.values.role,
        );
      },
    );
    const code = old ? '' : r.values.code;
    if (code) {
      if (!MEMBER_CODE_RE.test(code))
        throw fileFailure(
          E.BAD_TEXT,
          at('code'),
          `mã thành viên “${code}” không hợp lệ: chỉ chữ thường không dấu, chữ số và “-”, tối đa 60 ký tự.`,
          code,
        );
      const dupCode = codes.get(code);
      if (dupCode !== undefined || ids.has(`${cycleId}-${code}`))
        throw fileFailure(
          E.DUPLICATE_MEMBER,
          at('code'),
          dupCode !== undefined ? `mã thành viên “${code}” trùng với dòng ${dupCode}.` : `mã “${code}” đã có trong kỳ.`,
          code,
        );
      codes.set(code, r.row);
    }
    rows.push({ row: r.row, code, ...c, existing: Boolean(old) });
  }
  if (rows.length === 0)
    throw fileFailure(E.NO_ROWS, { file: table.file }, 'không có thành viên nào dưới dòng tiêu đề.');
  const added = rows.filter((r) => !r.existing).length;
  return { file: table.file, sha256: table.sha256, rows, added, updated: rows.length - added, committed: false };
}

function fieldProblem(db: Db, cycleId: string, role: RosterRole, fields: readonly string[]): string {
  if (role === 'secretariat' && fields.length > 0) return 'cơ quan thường trực không được phân công lĩnh vực.';
  const known = cycleEntries(db, cycleId);
  return `không có lĩnh vực ${fields.filter((f) => !known.has(f)).join(', ')} trong các nhóm của kỳ (có: ${cycleFields(db, cycleId).join(', ')}; một nhóm: mã nhóm:lĩnh vực, ví dụ ${exampleEntry(db, cycleId)}).`;
}

export async function importRoster(
  db: Db,
  cycleId: string,
  path: string,
  options: { dryRun?: boolean; actor?: string; fileName?: string } = {},
): Promise<RosterImportPreview> {
  requireCycleSetup(db, cycleId);
  const table = await readListFile(path, ROSTER_COLUMNS, options.fileName);
  const preview = planRoster(db, cycleId, table);
  if (options.dryRun) return preview;
  commitRoster(db, cycleId, preview, options.actor ?? 'secretariat');
  return { ...preview, committed: true };
}

function commitRoster(db: Db, cycleId: string, preview: RosterImportPreview, actor: string): void {
  tx(db, () => {
    const existing = new Map(listMembers(db, cycleId).map((m) => [memberKey(m.name), m]));
    // A chair in the file takes the role over from the roster's chair only when that one is in the file too.
    for (const r of preview.rows) {
      const old = existing.get(memberKey(r.name));
      if (old) {
        updateMemberRow(db, {
          id: old.id,
          name: r.name,
          position: r.position,
          agency: r.agency,
          role: r.role,
          councilRole: r.councilRole,
        });
        setMemberFields(db, old.id, r.fields);
      } else {
        const id = r.code ? `${cycleId}-${r.code}` : nextMemberId(db, cycleId);
        insertChecked(db, cycleId, id, r as unknown as Checked);
      }
    }
    appendAudit(db, {
      actor,
      action: 'setup.roster.import',
      entity: 'cycle',
      entityId: cycleId,
      after: {
        file: preview.file,
        fileSha256: preview.sha256,
        added: preview.added,
        updated: preview.updated,
        members: preview.rows.map((r) => ({ name: r.name, councilRole: r.councilRole, fields: r.fields })),
      },
    });
  });
}
