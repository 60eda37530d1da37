/**
 * "Đồng ý với điểm tự chấm cho phần còn lại": every sub-criterion of a field (or of all my
 * fields of the unit) that I have not scored yet takes the unit's own self-assessment input.
 * A dry run counts them for the confirmation; the commit is one transaction.
 */
import { isAssigned } from '../../../shared/council/assignment.ts';
import type { AgreeRequest, BulkResult } from '../../../shared/contract/bulk.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { leavesUnder } from '../../../shared/framework/tree.ts';
import type { Scope } from '../dossier/scope.ts';
import { type UnitContext, exemptedBy, requireScorableLeaf, scoreFor, unitContext } from './unit-context.ts';
import { type CheckedCell, savedView, writeCells } from './write.ts';

export function agreeWithSelf(scope: Scope, req: AgreeRequest): BulkResult {
  const ctx = unitContext(scope, req.unitId);
  const { tree, unit } = ctx;
  if (req.fieldCode !== null) {
    const field = tree.byCode.get(req.fieldCode);
    if (!field || field.parent !== null || !field.groups.includes(unit.group)) {
      throw new CodedFailure('FIELD_NOT_FOUND', `Nhóm đơn vị này không có lĩnh vực “${req.fieldCode}”.`, {
        fieldCode: req.fieldCode,
      });
    }
  }
  const fields =
    req.fieldCode !== null
      ? [req.fieldCode]
      : (tree.children.get(null) ?? []).filter((f) => f.groups.includes(unit.group)).map((f) => f.code);
  const mineOnly = req.fieldCode === null; // the whole unit: only the fields assigned to me
  const cells: CheckedCell[] = [];
  const refused: BulkResult['refused'] = [];
  for (const field of fields) {
    if (mineOnly && !isAssigned(scope.member?.fields, unit.group, field)) continue;
    for (const leaf of leavesUnder(tree, field)) {
      if (!leaf.groups.includes(unit.group) || !leaf.scoring || leaf.scoring.kind === 'survey') continue;
      if (exemptedBy(ctx, leaf.code) !== null) continue;
      if ((ctx.mine.get(leaf.code)?.score ?? null) !== null) continue; // scored already: not "the rest"
      const cell = check(scope, ctx, leaf.code);
      if ('refused' in cell) refused.push(cell.refused);
      else cells.push(cell);
    }
  }
  if (!req.dryRun) writeCells(scope, cells, 'appraisal.agree');
  return { saved: cells.map(savedView), refused, committed: !req.dryRun };
}

function check(scope: Scope, ctx: UnitContext, code: string): CheckedCell | { refused: BulkResult['refused'][number] } {
  const refusal = (c: string, message: string) => ({
    refused: { unitId: ctx.unit.id, nodeCode: code, code: c, message },
  });
  try {
    const node = requireScorableLeaf(scope, ctx, code);
    const self = ctx.self.get(code);
    if (self === undefined || self === null)
      return refusal('NO_SELF_SCORE', `Tiêu chí ${code}: đơn vị chưa tự chấm, không có điểm để đồng ý.`);
    return { ctx, nodeCode: code, input: self, score: scoreFor(ctx, node, self) };
  } catch (e) {
    if (e instanceof CodedFailure) return refusal(e.code, e.message);
    throw e;
  }
}
