/** A cycle as the exchange sees it: units, frameworks per group (trees and plans), roster and assignments. */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type FrameworkTree, compareCodes } from '../../../shared/framework/tree.ts';
import type { FrameworkNode, UnitGroup } from '../../../shared/framework/types.ts';
import type { TotalsPlan } from '../../../shared/results/unit-totals.ts';
import type { Db } from '../db/connection.ts';
import type { Cycle } from '../db/repos/cycles.ts';
import { cycleFrameworkGroups } from '../db/repos/frameworks.ts';
import { type Member, getMember, listMembers } from '../db/repos/members.ts';
import { type Unit, getUnit, listUnits } from '../db/repos/units.ts';
import { requireCycle } from '../results/cycle-totals.ts';
import { treeFor } from '../framework/trees.ts';

interface GroupFramework {
  readonly hash: string;
  readonly tree: FrameworkTree;
  readonly plan: TotalsPlan;
  /** leaf code → field code */
  readonly fieldOfLeaf: ReadonlyMap<string, string>;
}

export interface CycleContext {
  readonly db: Db;
  readonly cycle: Cycle;
  readonly units: ReadonlyMap<string, Unit>;
  readonly groups: ReadonlyMap<UnitGroup, GroupFramework>;
  readonly members: ReadonlyMap<string, Member>;
}

/** leaf code → field code, per plan (plans are cached per framework hash: see treeFor). */
const fieldMaps = new WeakMap<TotalsPlan, ReadonlyMap<string, string>>();

function groupFramework(db: Db, cycleId: string, group: UnitGroup): GroupFramework {
  const { hash, tree, plan } = treeFor(db, cycleId, group);
  let fieldOfLeaf = fieldMaps.get(plan);
  if (!fieldOfLeaf) {
    fieldOfLeaf = new Map(plan.leaves.map((l) => [l.code, plan.fields[l.fieldIndex]!.code]));
    fieldMaps.set(plan, fieldOfLeaf);
  }
  return { hash, tree, plan, fieldOfLeaf };
}

export function cycleContext(db: Db, cycleId: string): CycleContext {
  const cycle = requireCycle(db, cycleId);
  const groups = new Map<UnitGroup, GroupFramework>();
  for (const g of cycleFrameworkGroups(db, cycleId)) groups.set(g, groupFramework(db, cycleId, g));
  return {
    db,
    cycle,
    units: new Map(listUnits(db, cycleId).map((u) => [u.id, u])),
    groups,
    members: new Map(listMembers(db, cycleId).map((m) => [m.id, m])),
  };
}

/**
 * The context of one unit, for a decision on one of its records: the cycle, the unit (when
 * it is the cycle's), its group's framework and the members asked for (those of the cycle).
 * Reads a few rows where cycleContext reads every unit and member of the cycle.
 */
export function unitContext(
  db: Db,
  cycleId: string,
  unitId: string,
  memberIds: readonly (string | null)[] = [],
): CycleContext {
  const cycle = requireCycle(db, cycleId);
  const unit = getUnit(db, unitId);
  const mine = unit !== undefined && unit.cycleId === cycleId ? unit : undefined;
  const members = new Map<string, Member>();
  for (const id of memberIds) {
    const m = id === null ? undefined : getMember(db, id);
    if (m && m.cycleId === cycleId) members.set(m.id, m);
  }
  return {
    db,
    cycle,
    units: new Map(mine ? [[mine.id, mine]] : []),
    groups: new Map(mine ? [[mine.group, groupFramework(db, cycleId, mine.group)]] : []),
    members,
  };
}

export interface LeafInfo {
  readonly unit: Unit;
  /** Content hash of the unit's framework. */
  readonly groupHash: string;
  readonly node: FrameworkNode;
  readonly field: string;
  readonly survey: boolean;
}

/** The applicable leaf `nodeCode` of `unitId`, or null. */
export function leafOf(ctx: CycleContext, unitId: string, nodeCode: string): LeafInfo | null {
  const unit = ctx.units.get(unitId);
  if (!unit) return null;
  const g = ctx.groups.get(unit.group);
  const field = g?.fieldOfLeaf.get(nodeCode);
  const node = g?.tree.byCode.get(nodeCode);
  if (!g || field === undefined || !node) return null;
  return { unit, groupHash: g.hash, node, field, survey: node.scoring?.kind === 'survey' };
}

export function frameworkHashes(ctx: CycleContext): Record<UnitGroup, string> {
  const out: Record<UnitGroup, string> = {};
  for (const [g, f] of ctx.groups) out[g] = f.hash;
  return out;
}

export function requireMemberIn(ctx: CycleContext, memberId: string): Member {
  const m = ctx.members.get(memberId);
  if (!m)
    throw new CodedFailure('MEMBER_NOT_FOUND', 'Không tìm thấy thành viên trong danh sách Hội đồng của kỳ đánh giá.', {
      memberId,
    });
  return m;
}

/** The cycle's fields (code, title) over every group's framework, in code order. */
export function cycleFields(db: Db, cycleId: string): { code: string; title: string }[] {
  const titles = new Map<string, string>();
  for (const g of cycleContext(db, cycleId).groups.values())
    for (const f of g.plan.fields) if (!titles.has(f.code)) titles.set(f.code, f.title);
  return [...titles].map(([code, title]) => ({ code, title })).sort((a, b) => compareCodes(a.code, b.code));
}
