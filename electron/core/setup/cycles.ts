/**
 * Creating and listing cycles (kỳ đánh giá): name, year, province, precision, the legal bases
 * the minutes cite, the groups with their frameworks; which cycle is current; units and results
 * taken over from an earlier cycle of the same database. Every change is one transaction with
 * audit rows.
 *
 *   createCycle(db, input, actor) → CycleSetup
 *   cycleList(db) → CycleListEntry[]
 *   setCurrentCycle(db, id, actor) / currentCycle(db)
 *   setGroupFramework(db, cycleId, group, framework, actor, file?)   refused once appraisal started
 *   assertSetupOpen(db, cycleId, what)                                 SETUP_APPRAISAL_STARTED
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { serialize } from '../../../shared/decimal/rational.ts';
import { type GroupPresetCode, type UnitGroupInfo, isGroupPreset } from '../../../shared/framework/groups.ts';
import type { Framework } from '../../../shared/framework/types.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { cycleFrameworks } from '../db/repos/frameworks.ts';
import { listCycleGroups } from '../db/repos/groups.ts';
import {
  type CycleSetup,
  appraisalStartedBy,
  countMembers,
  currentCycleRow,
  getCycleSetup,
  insertCycleSetup,
  insertPreviousResult,
  insertUnitDetails,
  listCycleSetups,
  listUnitDetails,
  markCurrentCycle,
} from '../db/repos/setup.ts';
import { loadDefaultFrameworks } from '../framework/defaults.ts';
import { frameworkHash } from '../framework/hash.ts';
import { cycleResults } from '../results/cycle-results.ts';
import { setupFailure } from './errors.ts';
import { SETUP_ERRORS as E } from '../../../shared/errors/catalogue.ts';
import { slug } from '../../../shared/format/fold.ts';
import { scaledDecimalText } from '../../../shared/decimal/text.ts';
import {
  type FrameworkChoice,
  type GroupInput,
  type ResolvedGroup,
  checkFramework,
  fieldCodes,
  resolveGroups,
  retarget,
  storeGroup,
  text,
} from './cycle-groups.ts';

export type { CycleSetup } from '../db/repos/setup.ts';

export interface CreateCycleInput {
  readonly id?: string;
  readonly name: string;
  readonly year: number;
  readonly province: string;
  readonly precision?: number;
  /** The province's decision on the index ("Quyết định số 12/QĐ-UBND ngày … ban hành Bộ tiêu chí …"). */
  readonly decision?: string;
  /** The decision establishing the council. */
  readonly councilDecision?: string;
  readonly groups: readonly GroupInput[];
  /** Default true: the new cycle becomes the current one. */
  readonly makeCurrent?: boolean;
  /** Take an earlier cycle's units (copy) and its results as this cycle's previous year. */
  readonly takeFrom?: { readonly cycleId: string; readonly units: boolean; readonly results: boolean };
  readonly at?: string;
}

/** "Sóc Trăng" 2025 → "soc-trang-2025". */
function cycleSlug(province: string, year: number): string {
  const base = slug(province);
  return `${base || 'ky'}-${year}`;
}

/** Creates a cycle with its groups and frameworks (and, if asked, last year's units and results) in one transaction. */
export function createCycle(
  db: Db,
  input: CreateCycleInput,
  actor: string,
  samples: () => Record<GroupPresetCode, Framework> = memoSamples(),
): CycleSetup {
  const name = text('tên kỳ đánh giá', input.name, 200, true);
  const province = text('tên tỉnh', input.province, 100, true);
  const decision = text('quyết định ban hành Bộ chỉ số', input.decision ?? '', 1000, false);
  const councilDecision = text('quyết định thành lập Hội đồng', input.councilDecision ?? '', 1000, false);
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) {
    throw setupFailure(E.BAD_CYCLE, `Năm đánh giá phải là số nguyên từ 2000 đến 2100, không phải “${input.year}”.`, {
      field: 'year',
    });
  }
  const precision = input.precision ?? 2;
  if (!Number.isInteger(precision) || precision < 0 || precision > 6) {
    throw setupFailure(E.BAD_CYCLE, `Số chữ số thập phân khi công bố phải từ 0 đến 6, không phải “${precision}”.`, {
      field: 'precision',
    });
  }
  const id = input.id ?? uniqueId(db, cycleSlug(province, input.year));
  if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(id))
    throw setupFailure(E.BAD_CYCLE, `Mã kỳ đánh giá “${id}” không hợp lệ.`, { field: 'id' });
  if (getCycleSetup(db, id)) throw setupFailure(E.CYCLE_EXISTS, `Đã có kỳ đánh giá mã “${id}”.`, { cycleId: id });
  const groups = resolveGroups(input.groups, samples);
  const from = input.takeFrom ? getCycleSetup(db, input.takeFrom.cycleId) : undefined;
  if (input.takeFrom && !from)
    throw setupFailure(E.CYCLE_NOT_FOUND, `Không có kỳ đánh giá “${input.takeFrom.cycleId}” để lấy đơn vị, kết quả.`, {
      cycleId: input.takeFrom.cycleId,
    });
  if (from && from.year >= input.year) {
    throw setupFailure(
      E.BAD_CYCLE,
      `Kỳ “${from.name}” (năm ${from.year}) không phải năm trước của kỳ năm ${input.year}.`,
      { cycleId: from.id },
    );
  }
  // The earlier cycle's results are computed before the transaction (a pure read).
  const previous = from && input.takeFrom?.results ? cycleResults(db, from.id) : null;
  const at = input.at ?? new Date().toISOString();
  tx(db, () => {
    insertCycleSetup(db, {
      id,
      name,
      year: input.year,
      province,
      precision,
      createdAt: at,
      decision,
      councilDecision,
      previousCycleId: from?.id ?? null,
    });
    appendAudit(db, {
      actor,
      action: 'setup.cycle.create',
      entity: 'cycle',
      entityId: id,
      after: {
        name,
        year: input.year,
        province,
        precision,
        decision,
        councilDecision,
        takeFrom: input.takeFrom ?? null,
      },
      at,
    });
    for (const g of groups) storeGroup(db, id, g, actor, at);
    if (from && input.takeFrom) takeOver(db, id, from, groups, input.takeFrom, previous, actor, at);
    if (input.makeCurrent !== false) markCurrent(db, id, actor, at);
  });
  return getCycleSetup(db, id)!;
}

function takeOver(
  db: Db,
  cycleId: string,
  from: CycleSetup,
  groups: readonly ResolvedGroup[],
  what: { units: boolean; results: boolean },
  previous: ReturnType<typeof cycleResults> | null,
  actor: string,
  at: string,
): void {
  const codes = new Set(groups.map((g) => g.info.code));
  const units = listUnitDetails(db, from.id);
  const skipped: string[] = [];
  const ids = new Map<string, string>();
  if (what.units || what.results) {
    let n = 0;
    for (const u of units) {
      if (!codes.has(u.group)) {
        skipped.push(u.name);
        continue;
      }
      n += 1;
      const id = `${cycleId}-u${String(n).padStart(3, '0')}`;
      insertUnitDetails(db, cycleId, { ...u, id, sortOrder: n });
      ids.set(u.name, id);
    }
    appendAudit(db, {
      actor,
      action: 'setup.units.copy',
      entity: 'cycle',
      entityId: cycleId,
      after: { from: from.id, units: ids.size, skipped },
      at,
    });
  }
  if (what.results && previous) {
    let n = 0;
    for (const r of previous.units) {
      const unitId = ids.get(r.unit);
      if (!unitId) continue;
      insertPreviousResult(db, {
        cycleId,
        year: from.year,
        unitId,
        unitName: r.unit,
        group: r.group,
        benchmark: serialize(r.benchmark),
        selfAssessed: serialize(r.selfAssessed),
        surveyCbccvc: serialize(r.surveyCbccvc),
        surveySipas: serialize(r.surveySipas),
        published: scaledDecimalText(r.published, previous.precision),
        precision: previous.precision,
        sourceFile: `kỳ ${from.name} (${from.id})`,
        at,
      });
      n += 1;
    }
    appendAudit(db, {
      actor,
      action: 'setup.previous.copy',
      entity: 'previous_results',
      entityId: `${cycleId}/${from.year}`,
      after: { from: from.id, units: n },
      at,
    });
  }
}

function uniqueId(db: Db, base: string): string {
  let id = base;
  for (let i = 2; getCycleSetup(db, id); i++) id = `${base}-${i}`;
  return id;
}

let samplesCache: Record<GroupPresetCode, Framework> | null = null;
function memoSamples(): () => Record<GroupPresetCode, Framework> {
  return () => (samplesCache ??= loadDefaultFrameworks());
}

function markCurrent(db: Db, id: string, actor: string, at: string): void {
  const before = currentCycleRow(db);
  if (before === id) return;
  markCurrentCycle(db, id);
  appendAudit(db, {
    actor,
    action: 'setup.cycle.current',
    entity: 'cycle',
    entityId: id,
    before: before ? { current: before } : null,
    after: { current: id },
    at,
  });
}

export function requireCycleSetup(db: Db, id: string): CycleSetup {
  const c = getCycleSetup(db, id);
  if (!c) throw setupFailure(E.CYCLE_NOT_FOUND, `Không có kỳ đánh giá “${id}” trong cơ sở dữ liệu.`, { cycleId: id });
  return c;
}

export function setCurrentCycle(db: Db, id: string, actor: string): CycleSetup {
  requireCycleSetup(db, id);
  tx(db, () => markCurrent(db, id, actor, new Date().toISOString()));
  return getCycleSetup(db, id)!;
}

/** The current cycle: the one marked current, else the newest. */
export function currentCycle(db: Db): string | null {
  return currentCycleRow(db) ?? listCycleSetups(db)[0]?.id ?? null;
}

export interface CycleListEntry extends CycleSetup {
  readonly groups: readonly (UnitGroupInfo & {
    readonly frameworkHash: string | null;
    readonly frameworkName: string | null;
    readonly sample: boolean | null;
  })[];
  readonly units: number;
  readonly members: number;
  /** Why appraisal counts as started (frameworks and units fixed), or null. */
  readonly appraisalStarted: 'package' | 'appraisal' | 'final' | null;
}

export function cycleList(db: Db): CycleListEntry[] {
  const current = currentCycle(db);
  return listCycleSetups(db).map((c) => cycleEntry(db, c, current));
}

export function cycleEntry(db: Db, c: CycleSetup, current: string | null = currentCycle(db)): CycleListEntry {
  const fw = new Map(cycleFrameworks(db, c.id).map((f) => [f.group, f]));
  return {
    ...c,
    current: c.id === current,
    groups: listCycleGroups(db, c.id).map((g) => {
      const f = fw.get(g.code);
      return {
        ...g,
        frameworkHash: f?.hash ?? null,
        frameworkName: f?.framework.name ?? null,
        sample: f ? f.framework.sample : null,
      };
    }),
    units: listUnitDetails(db, c.id).length,
    members: countMembers(db, c.id),
    appraisalStarted: appraisalStartedBy(db, c.id),
  };
}

const STARTED: Record<'package' | 'appraisal' | 'final', string> = {
  package: 'gói kỳ đánh giá đã được xuất cho thành viên',
  appraisal: 'đã có kết quả thẩm định',
  final: 'đã có điểm tổng hợp',
};

/** Refuses a set-up change once appraisal started (a cycle package issued, an appraisal or a final score stored). */
export function assertSetupOpen(db: Db, cycleId: string, what: string): void {
  const c = requireCycleSetup(db, cycleId);
  const by = appraisalStartedBy(db, cycleId);
  if (c.status === 'finalised' || by) {
    throw new CodedFailure(
      E.APPRAISAL_STARTED,
      `Kỳ đánh giá “${c.name}” đã bắt đầu thẩm định (${by ? STARTED[by] : 'đã chốt kết quả'}); không thể ${what}.`,
      { cycleId, reason: by ?? 'finalised' },
    );
  }
}

/** Replaces a group's framework (the sample, or the province's own) before appraisal starts. */
export function setGroupFramework(
  db: Db,
  cycleId: string,
  group: string,
  choice: FrameworkChoice,
  actor: string,
): { hash: string } {
  assertSetupOpen(db, cycleId, 'đổi bộ tiêu chí');
  const g = listCycleGroups(db, cycleId).find((x) => x.code === group);
  if (!g) throw setupFailure(E.BAD_GROUP, `Kỳ đánh giá không có nhóm “${group}”.`, { group });
  const samples = memoSamples();
  const sample = isGroupPreset(group) ? samples()[group] : retarget(samples().department, group);
  const framework = choice.kind === 'sample' ? sample : checkFramework(choice.framework, group, choice.file);
  const available = fieldCodes(framework, group);
  const info = { ...g, fields: g.fields.filter((f) => available.includes(f)) };
  const hash = frameworkHash(framework);
  tx(db, () =>
    storeGroup(
      db,
      cycleId,
      {
        info: info.fields.length ? info : { ...info, fields: available },
        framework,
        source: choice.kind === 'imported' ? { file: choice.file, sha256: choice.sha256 } : null,
      },
      actor,
      new Date().toISOString(),
    ),
  );
  return { hash };
}
