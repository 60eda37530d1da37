/** The cycle's frameworks as prepared trees and totals plans, memoised by content hash (a hash never changes meaning). */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type FrameworkTree, buildTree } from '../../../shared/framework/tree.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import { type TotalsPlan, planTotals } from '../../../shared/results/unit-totals.ts';
import type { Db } from '../db/connection.ts';
import { cycleFrameworkHash, getFramework } from '../db/repos/frameworks.ts';

const trees = new Map<string, { tree: FrameworkTree; plan: TotalsPlan }>();

function frameworkHashFor(db: Db, cycleId: string, group: UnitGroup): string {
  const hash = cycleFrameworkHash(db, cycleId, group);
  if (!hash)
    throw new CodedFailure('FRAMEWORK_MISSING', 'Kỳ đánh giá chưa có bộ tiêu chí cho nhóm đơn vị này.', { group });
  return hash;
}

export function treeFor(
  db: Db,
  cycleId: string,
  group: UnitGroup,
): { hash: string; tree: FrameworkTree; plan: TotalsPlan } {
  const hash = frameworkHashFor(db, cycleId, group);
  let hit = trees.get(`${hash}/${group}`);
  if (!hit) {
    const f = getFramework(db, hash);
    if (!f) throw new CodedFailure('FRAMEWORK_MISSING', 'Không tìm thấy bộ tiêu chí của kỳ đánh giá.', { hash });
    const tree = buildTree(f);
    hit = { tree, plan: planTotals(tree, group) };
    trees.set(`${hash}/${group}`, hit);
  }
  return { hash, ...hit };
}
