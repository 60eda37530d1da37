/** What an intake works on: the cycle, the group's framework (units.grp → cycle_frameworks) and its sub-criteria. */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { buildTree } from '../../../shared/framework/tree.ts';
import type { Framework, FrameworkNode } from '../../../shared/framework/types.ts';
import type { Db } from '../db/connection.ts';
import { type Cycle, getCycle } from '../db/repos/cycles.ts';
import { type IntakeUnit, findUnitByName, groupFramework } from '../db/repos/intake.ts';
import { templateLeaves } from './layout.ts';

export interface GroupTarget {
  readonly cycle: Cycle;
  readonly group: string;
  readonly frameworkHash: string;
  readonly framework: Framework;
  readonly leaves: readonly FrameworkNode[];
}

export function requireCycle(db: Db, cycleId: string): Cycle {
  const cycle = getCycle(db, cycleId);
  if (!cycle)
    throw new CodedFailure('INTAKE_CYCLE_UNKNOWN', `Không có kỳ đánh giá mã “${cycleId}” trong cơ sở dữ liệu.`, {
      cycleId,
    });
  return cycle;
}

export function groupTarget(db: Db, cycleId: string, group: string): GroupTarget {
  const cycle = requireCycle(db, cycleId);
  const f = groupFramework(db, cycleId, group);
  if (!f) {
    throw new CodedFailure(
      'INTAKE_GROUP_UNKNOWN',
      `Kỳ đánh giá “${cycle.name}” không có nhóm đơn vị mã “${group}” (hoặc nhóm chưa có bộ tiêu chí).`,
      { cycleId, group },
    );
  }
  return {
    cycle,
    group,
    frameworkHash: f.hash,
    framework: f.framework,
    leaves: templateLeaves(buildTree(f.framework), group),
  };
}

export function unitTarget(db: Db, cycleId: string, unitName: string): { unit: IntakeUnit; target: GroupTarget } {
  const cycle = requireCycle(db, cycleId);
  const unit = findUnitByName(db, cycleId, unitName);
  if (!unit)
    throw new CodedFailure('INTAKE_UNIT_UNKNOWN', `Đơn vị “${unitName}” không có trong kỳ đánh giá “${cycle.name}”.`, {
      cycleId,
      unit: unitName,
    });
  return { unit, target: groupTarget(db, cycleId, unit.group) };
}
