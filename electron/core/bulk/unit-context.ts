/**
 * One unit as a bulk action sees it: its tree, what may be edited, the unit's self-inputs and
 * my appraisals, read once per unit so that checking hundreds of cells costs no query each.
 * The checks are those of a single save (dossier/appraisal.ts), with the same codes and messages.
 */
import { serialize } from '../../../shared/decimal/rational.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type FrameworkTree, ancestry, isLeaf } from '../../../shared/framework/tree.ts';
import type { FrameworkNode } from '../../../shared/framework/types.ts';
import { scoreNode } from '../../../shared/scoring/score.ts';
import { activeExemptionCodes, myAppraisalRows, selfInputs } from '../db/repos/bulk.ts';
import type { Unit } from '../db/repos/units.ts';
import { hasConflictOfInterest } from '../db/repos/conflicts-of-interest.ts';
import { checkEditable } from '../dossier/appraisal.ts';
import { treeFor } from '../framework/trees.ts';
import { type Scope, requireUnit, requireWritable } from '../dossier/scope.ts';

export interface UnitContext {
  readonly unit: Unit;
  readonly memberId: string;
  readonly tree: FrameworkTree;
  readonly conflicted: boolean;
  readonly exempt: ReadonlySet<string>;
  readonly self: ReadonlyMap<string, unknown>;
  readonly mine: ReadonlyMap<string, { input: string | null; score: string | null; comment: string }>;
}

export function unitContext(scope: Scope, unitId: string): UnitContext {
  const member = requireWritable(scope);
  const unit = requireUnit(scope, unitId);
  const { tree } = treeFor(scope.db, scope.cycle.id, unit.group);
  return {
    unit,
    memberId: member.id,
    tree,
    conflicted: hasConflictOfInterest(scope.db, member.id, unit.id),
    exempt: activeExemptionCodes(scope.db, unit.id),
    self: selfInputs(scope.db, unit.id),
    mine: myAppraisalRows(scope.db, unit.id, member.id),
  };
}

/** The code of the exempted node that covers `code` (itself or an ancestor), or null. */
export function exemptedBy(ctx: UnitContext, code: string): string | null {
  for (const c of ancestry(ctx.tree, code)) if (ctx.exempt.has(c)) return c;
  return null;
}

/** The leaf I may score now, or why not (CodedFailure, as a single save would say it). */
export function requireScorableLeaf(scope: Scope, ctx: UnitContext, nodeCode: string): FrameworkNode {
  const { unit, tree } = ctx;
  const node = checkEditable(scope, unit, tree, nodeCode, ctx.conflicted);
  if (!isLeaf(tree, node.code) || !node.scoring) {
    throw new CodedFailure(
      'NODE_NOT_LEAF',
      `Tiêu chí ${node.code} có các tiêu chí thành phần; hãy chấm ở tiêu chí thành phần.`,
    );
  }
  return node;
}

/** The exact score of an input on a leaf (null input: no score), refusing an exempted node. */
export function scoreFor(ctx: UnitContext, node: FrameworkNode, input: unknown): string | null {
  if (input === null) return null;
  const by = exemptedBy(ctx, node.code);
  if (by !== null) {
    throw new CodedFailure(
      'NODE_EXEMPTED',
      by === node.code
        ? `Tiêu chí ${node.code} đã được đề nghị hạ điểm chuẩn; bỏ hạ điểm chuẩn trước khi chấm.`
        : `Tiêu chí ${node.code} thuộc tiêu chí ${by} đã được đề nghị hạ điểm chuẩn; bỏ hạ điểm chuẩn trước khi chấm.`,
    );
  }
  const r = scoreNode(node.scoring!, node.maxPoints, input);
  if (!r.ok) throw CodedFailure.from(r.error, `Tiêu chí ${node.code}: ${r.error.message}`);
  return serialize(r.value);
}
