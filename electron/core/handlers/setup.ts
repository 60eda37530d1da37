/**
 * Handlers of `setup.*` (the secretariat only; they work before any cycle exists): thin calls
 * into electron/core/setup. The current cycle is the one the app opens (scope.ts).
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { formatFingerprint } from '../../../shared/exchange/fingerprint.ts';
import { GROUP_PRESETS } from '../../../shared/framework/groups.ts';
import type { HandlerContext } from '../context.ts';
import { discardTicket, ticketFile } from '../files/store.ts';
import type { Handler } from '../router.ts';
import type { FrameworkChoice, GroupInput } from '../setup/cycle-groups.ts';
import {
  createCycle,
  cycleEntry,
  cycleList,
  requireCycleSetup,
  setCurrentCycle,
  setGroupFramework,
} from '../setup/cycles.ts';
import { readFrameworkChoice } from '../setup/framework-file.ts';
import {
  type RosterMember,
  addMember,
  editMember,
  registerFingerprint,
  removeMember,
  rosterOf,
} from '../setup/roster.ts';
import { importRoster } from '../setup/roster-import.ts';
import { addUnit, editUnit, importUnits, removeUnit, reorderUnits } from '../setup/units.ts';
import { listUnitDetails } from '../db/repos/setup.ts';
import { listCycleGroups } from '../db/repos/groups.ts';
import { currentCycleId, currentIdentity, requireSecretariatKey } from './scope.ts';
import { SECRETARIAT_ONLY } from './results.ts';

/** The audit actor; refuses a council member. */
function secretariat(ctx: HandlerContext, what: string): string {
  const id = currentIdentity(ctx);
  if (id?.role !== 'secretariat') {
    throw new CodedFailure(SECRETARIAT_ONLY, `Chỉ cơ quan thường trực (tổ giúp việc Hội đồng) mới được ${what}.`, {
      action: what,
    });
  }
  requireSecretariatKey(ctx, what);
  return id.memberId ?? 'secretariat';
}

function cycleOf(ctx: HandlerContext): string {
  const id = currentCycleId(ctx);
  if (!id) throw new CodedFailure('NO_CYCLE', 'Chưa có kỳ đánh giá nào; hãy tạo kỳ đánh giá ở bước “Kỳ đánh giá”.');
  return id;
}

const entry = (ctx: HandlerContext, id: string) =>
  cycleEntry(ctx.core.db, requireCycleSetup(ctx.core.db, id), currentCycleId(ctx));
const groupsCopy = (c: ReturnType<typeof entry>) => ({
  ...c,
  groups: c.groups.map((g) => ({ ...g, fields: [...g.fields] })),
});

async function frameworkOf(
  ctx: HandlerContext,
  ticket: string | undefined | null,
): Promise<FrameworkChoice | undefined> {
  if (!ticket) return undefined;
  const f = ticketFile(ctx.core.dataDir, 'upload', ticket);
  return readFrameworkChoice(f.path, f.name);
}

export const setupOverview: Handler<'setup.overview'> = (ctx) => {
  secretariat(ctx, 'thiết lập kỳ đánh giá');
  const current = currentCycleId(ctx);
  return {
    cycles: cycleList(ctx.core.db).map((c) => groupsCopy({ ...c, current: c.id === current })),
    presets: Object.values(GROUP_PRESETS).map((p) => ({
      code: p.code,
      label: p.label,
      shortLabel: p.shortLabel,
      fields: [...p.fields],
    })),
  };
};

export const setupCreateCycle: Handler<'setup.createCycle'> = async (ctx, input) => {
  const actor = secretariat(ctx, 'tạo kỳ đánh giá');
  const groups: GroupInput[] = [];
  for (const g of input.groups) {
    const framework = await frameworkOf(ctx, g.frameworkTicket);
    if ('preset' in g) groups.push({ preset: g.preset as never, ...(framework ? { framework } : {}) });
    else
      groups.push({
        code: g.code,
        label: g.label,
        shortLabel: g.shortLabel,
        ...(g.fields ? { fields: g.fields } : {}),
        ...(framework ? { framework } : {}),
      });
  }
  const c = createCycle(
    ctx.core.db,
    {
      name: input.name,
      year: input.year,
      province: input.province,
      precision: input.precision,
      decision: input.decision,
      councilDecision: input.councilDecision,
      groups,
      ...(input.takeFrom
        ? { takeFrom: { cycleId: input.takeFrom.cycleId, units: true, results: input.takeFrom.results } }
        : {}),
    },
    actor,
  );
  for (const g of input.groups) if (g.frameworkTicket) discardTicket(ctx.core.dataDir, 'upload', g.frameworkTicket);
  return groupsCopy(entry(ctx, c.id));
};

export const setupSetCurrent: Handler<'setup.setCurrent'> = (ctx, { cycleId }) => {
  setCurrentCycle(ctx.core.db, cycleId, secretariat(ctx, 'chọn kỳ đánh giá hiện hành'));
  return groupsCopy(entry(ctx, cycleId));
};

export const setupSetFramework: Handler<'setup.setFramework'> = async (ctx, { group, ticket }) => {
  const actor = secretariat(ctx, 'đổi bộ tiêu chí');
  const cycleId = cycleOf(ctx);
  const choice = (await frameworkOf(ctx, ticket)) ?? { kind: 'sample' as const };
  setGroupFramework(ctx.core.db, cycleId, group, choice, actor);
  if (ticket) discardTicket(ctx.core.dataDir, 'upload', ticket);
  return groupsCopy(entry(ctx, cycleId));
};

const unitsView = (ctx: HandlerContext, cycleId: string) => ({
  cycle: groupsCopy(entry(ctx, cycleId)),
  units: listUnitDetails(ctx.core.db, cycleId),
});

export const setupUnits: Handler<'setup.units'> = (ctx) => {
  secretariat(ctx, 'xem danh sách đơn vị');
  return unitsView(ctx, cycleOf(ctx));
};

async function unitsImport(ctx: HandlerContext, ticket: string, commit: boolean) {
  const actor = secretariat(ctx, 'nhập danh sách đơn vị');
  const f = ticketFile(ctx.core.dataDir, 'upload', ticket);
  const r = await importUnits(ctx.core.db, cycleOf(ctx), f.path, { dryRun: !commit, actor, fileName: f.name });
  if (commit) discardTicket(ctx.core.dataDir, 'upload', ticket);
  return { ...r, rows: [...r.rows], byGroup: { ...r.byGroup } };
}
export const setupPreviewUnits: Handler<'setup.previewUnits'> = (ctx, { ticket }) => unitsImport(ctx, ticket, false);
export const setupCommitUnits: Handler<'setup.commitUnits'> = (ctx, { ticket }) => unitsImport(ctx, ticket, true);

export const setupAddUnit: Handler<'setup.addUnit'> = (ctx, input) =>
  addUnit(ctx.core.db, cycleOf(ctx), input, secretariat(ctx, 'thêm đơn vị'));
export const setupEditUnit: Handler<'setup.editUnit'> = (ctx, { unitId, patch }) =>
  editUnit(ctx.core.db, cycleOf(ctx), unitId, patch, secretariat(ctx, 'sửa đơn vị'));
export const setupReorderUnits: Handler<'setup.reorderUnits'> = (ctx, { unitIds }) => {
  const cycleId = cycleOf(ctx);
  reorderUnits(ctx.core.db, cycleId, unitIds, secretariat(ctx, 'sắp xếp đơn vị'));
  return unitsView(ctx, cycleId);
};
export const setupRemoveUnit: Handler<'setup.removeUnit'> = (ctx, { unitId }) => {
  const cycleId = cycleOf(ctx);
  removeUnit(ctx.core.db, cycleId, unitId, secretariat(ctx, 'xóa đơn vị'));
  return unitsView(ctx, cycleId);
};

const memberRow = (m: RosterMember) => ({
  id: m.id,
  name: m.name,
  position: m.position,
  agency: m.agency,
  role: m.role,
  councilRole: m.councilRole,
  fields: [...m.fields],
  fingerprint: m.fingerprint,
  display: m.fingerprint ? formatFingerprint(m.fingerprint) : null,
});

const rosterView = (ctx: HandlerContext, cycleId: string) => ({
  cycle: groupsCopy(entry(ctx, cycleId)),
  members: rosterOf(ctx.core.db, cycleId).map(memberRow),
  fields: [...new Set(listCycleGroups(ctx.core.db, cycleId).flatMap((g) => g.fields))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  ),
});

export const setupRoster: Handler<'setup.roster'> = (ctx) => {
  secretariat(ctx, 'xem danh sách Hội đồng');
  return rosterView(ctx, cycleOf(ctx));
};

async function rosterImport(ctx: HandlerContext, ticket: string, commit: boolean) {
  const actor = secretariat(ctx, 'nhập danh sách Hội đồng');
  const f = ticketFile(ctx.core.dataDir, 'upload', ticket);
  const r = await importRoster(ctx.core.db, cycleOf(ctx), f.path, { dryRun: !commit, actor, fileName: f.name });
  if (commit) discardTicket(ctx.core.dataDir, 'upload', ticket);
  return { ...r, rows: r.rows.map((x) => ({ ...x, fields: [...x.fields] })) };
}
export const setupPreviewRoster: Handler<'setup.previewRoster'> = (ctx, { ticket }) => rosterImport(ctx, ticket, false);
export const setupCommitRoster: Handler<'setup.commitRoster'> = (ctx, { ticket }) => rosterImport(ctx, ticket, true);

export const setupAddMember: Handler<'setup.addMember'> = (ctx, input) =>
  memberRow(addMember(ctx.core.db, cycleOf(ctx), input, secretariat(ctx, 'thêm thành viên Hội đồng')));
export const setupEditMember: Handler<'setup.editMember'> = (ctx, { memberId, patch }) =>
  memberRow(
    editMember(ctx.core.db, cycleOf(ctx), memberId, patch, secretariat(ctx, 'sửa thông tin thành viên Hội đồng')),
  );
export const setupRemoveMember: Handler<'setup.removeMember'> = (ctx, { memberId }) => {
  const cycleId = cycleOf(ctx);
  removeMember(ctx.core.db, cycleId, memberId, secretariat(ctx, 'xóa thành viên Hội đồng'));
  return rosterView(ctx, cycleId);
};
export const setupRegisterFingerprint: Handler<'setup.registerFingerprint'> = (ctx, { memberId, fingerprint }) =>
  memberRow(
    registerFingerprint(
      ctx.core.db,
      cycleOf(ctx),
      memberId,
      fingerprint,
      secretariat(ctx, 'đăng ký khóa của thành viên'),
    ),
  );
