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
import {
  GROUP_PRESETS,
  type GroupPresetCode,
  type UnitGroupInfo,
  isGroupCode,
  isGroupPreset,
} from '../../../shared/framework/groups.ts';
import type { Framework } from '../../../shared/framework/types.ts';
import { validateFramework } from '../../../shared/framework/validate.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { putFramework, setCycleFramework, cycleFrameworks } from '../db/repos/frameworks.ts';
import { listCycleGroups, putCycleGroup } from '../db/repos/groups.ts';
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

export type { CycleSetup } from '../db/repos/setup.ts';

/** A group of a new cycle: a preset, or the cycle's own (code, labels, fields). */
export type GroupInput =
  | { readonly preset: GroupPresetCode; readonly framework?: FrameworkChoice }
  | {
      readonly code: string;
      readonly label: string;
      readonly shortLabel: string;
      readonly fields?: readonly string[];
      readonly framework?: FrameworkChoice;
    };

/** The preset's sample (default), or a framework the province imported (read from .xlsx/.json by the caller). */
export type FrameworkChoice =
  | { readonly kind: 'sample' }
  | { readonly kind: 'imported'; readonly framework: Framework; readonly file: string; readonly sha256: string };

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

const text = (name: string, v: unknown, max: number, required: boolean): string => {
  const s = typeof v === 'string' ? v.normalize('NFC').replace(/\s+/g, ' ').trim() : '';
  if (typeof v !== 'string' && v !== undefined)
    throw setupFailure(E.BAD_TEXT, `“${name}” phải là văn bản.`, { field: name });
  if (required && s === '') throw setupFailure(E.BAD_CYCLE, `Chưa nhập ${name}.`, { field: name });
  if (s.length > max) throw setupFailure(E.BAD_TEXT, `${name} dài quá ${max} ký tự.`, { field: name });
  return s;
};

/** "Sóc Trăng" 2025 → "soc-trang-2025". */
function cycleSlug(province: string, year: number): string {
  const base = slug(province);
  return `${base || 'ky'}-${year}`;
}

/** A sample framework re-targeted to a cycle's own group code (its nodes for `from` now apply to `code`). */
function retarget(f: Framework, code: string): Framework {
  if (f.group === code) return f;
  return {
    ...f,
    group: code,
    nodes: f.nodes.filter((n) => n.groups.includes(f.group)).map((n) => ({ ...n, groups: [code] })),
  };
}

function fieldCodes(f: Framework, group: string): string[] {
  return f.nodes.filter((n) => n.parent === null && n.groups.includes(group)).map((n) => n.code);
}

interface ResolvedGroup {
  readonly info: UnitGroupInfo;
  readonly framework: Framework;
  readonly source: { file: string; sha256: string } | null;
}

function resolveGroups(
  inputs: readonly GroupInput[],
  samples: () => Record<GroupPresetCode, Framework>,
): ResolvedGroup[] {
  if (inputs.length === 0) throw setupFailure(E.NO_GROUPS, 'Kỳ đánh giá cần ít nhất một nhóm cơ quan, đơn vị.');
  const seen = new Set<string>();
  const labels = new Set<string>();
  return inputs.map((g, i) => {
    let info: Omit<UnitGroupInfo, 'sortOrder' | 'fields'> & { fields?: readonly string[] };
    let sample: Framework;
    if ('preset' in g) {
      if (!isGroupPreset(g.preset)) {
        throw setupFailure(
          E.BAD_GROUP,
          `Không có nhóm mẫu “${String(g.preset)}”; các nhóm mẫu: ${Object.keys(GROUP_PRESETS).join(', ')}.`,
          { group: String(g.preset) },
        );
      }
      info = GROUP_PRESETS[g.preset];
      sample = samples()[g.preset];
    } else {
      if (!isGroupCode(g.code)) {
        throw setupFailure(
          E.BAD_GROUP,
          `Mã nhóm “${g.code}” không hợp lệ: chỉ chữ thường không dấu, chữ số và “_”, bắt đầu bằng chữ, tối đa 40 ký tự.`,
          { group: g.code },
        );
      }
      const label = text('tên nhóm', g.label, 200, true);
      const shortLabel = text('tên ngắn của nhóm', g.shortLabel, 60, false) || label;
      info = { code: g.code, label, shortLabel, ...(g.fields ? { fields: g.fields } : {}) };
      sample = retarget(samples().department, g.code);
    }
    if (seen.has(info.code))
      throw setupFailure(E.DUPLICATE_GROUP, `Nhóm “${info.code}” được chọn hai lần.`, { group: info.code });
    if (labels.has(info.label))
      throw setupFailure(E.DUPLICATE_GROUP, `Hai nhóm cùng tên “${info.label}”.`, { group: info.code });
    seen.add(info.code);
    labels.add(info.label);
    const choice = g.framework ?? { kind: 'sample' };
    const framework = choice.kind === 'sample' ? sample : checkFramework(choice.framework, info.code, choice.file);
    const available = fieldCodes(framework, info.code);
    const fields = info.fields && info.fields.length > 0 ? [...info.fields] : available;
    const unknown = fields.filter((f) => !available.includes(f));
    if (unknown.length > 0) {
      throw setupFailure(
        E.UNKNOWN_FIELD,
        `Nhóm “${info.label}”: bộ tiêu chí không có lĩnh vực ${unknown.join(', ')} (có: ${available.join(', ')}).`,
        { group: info.code },
      );
    }
    return {
      info: {
        code: info.code,
        label: info.label,
        shortLabel: info.shortLabel,
        sortOrder: i + 1,
        fields: fields.filter((f) => available.includes(f)),
      },
      framework,
      source: choice.kind === 'imported' ? { file: choice.file, sha256: choice.sha256 } : null,
    };
  });
}

function checkFramework(f: Framework, group: string, file: string): Framework {
  if (f.group !== group) {
    throw setupFailure(
      E.FRAMEWORK_GROUP,
      `Tệp ${file} là bộ tiêu chí của nhóm “${f.group}”, không phải của nhóm “${group}”.`,
      { file, group },
    );
  }
  const errors = validateFramework(f);
  if (errors.length > 0)
    throw setupFailure(E.FRAMEWORK_INVALID, `Tệp ${file}: ${errors[0]!.message}`, { file, cause: errors[0]!.code });
  return f;
}

function storeGroup(db: Db, cycleId: string, g: ResolvedGroup, actor: string, at: string): void {
  putCycleGroup(db, cycleId, g.info);
  const hash = frameworkHash(g.framework);
  putFramework(db, hash, g.framework);
  setCycleFramework(db, cycleId, g.info.code, hash);
  appendAudit(db, {
    actor,
    action: 'setup.group',
    entity: 'cycle_group',
    entityId: `${cycleId}/${g.info.code}`,
    after: {
      ...g.info,
      framework: { hash, name: g.framework.name, sample: g.framework.sample },
      file: g.source?.file ?? null,
      fileSha256: g.source?.sha256 ?? null,
    },
    at,
  });
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
