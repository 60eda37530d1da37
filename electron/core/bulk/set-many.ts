/**
 * Many cells at once: a block pasted from a spreadsheet into the scoring grid, or the undo of a
 * bulk action. Each cell is checked as a single save would be; the valid ones are written in one
 * transaction (one audit row each), the refused ones are listed with why and nothing is written for them.
 * A cell whose input is already mine is left alone. The same cell twice: the last one counts.
 */
import type { BulkResult, SetManyRequest } from '../../../shared/contract/bulk.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { canonicalJson } from '../../../shared/exchange/jcs.ts';
import type { Scope } from '../dossier/scope.ts';
import { requireWritable } from '../dossier/scope.ts';
import { type UnitContext, requireScorableLeaf, scoreFor, unitContext } from './unit-context.ts';
import { type CheckedCell, savedView, writeCells } from './write.ts';

export function setMany(scope: Scope, req: SetManyRequest): BulkResult {
  requireWritable(scope);
  const last = new Map<string, SetManyRequest['cells'][number]>();
  for (const c of req.cells) {
    const k = `${c.unitId}\u001f${c.nodeCode}`;
    last.delete(k);
    last.set(k, c);
  }
  const contexts = new Map<string, UnitContext | CodedFailure>();
  const contextOf = (unitId: string): UnitContext | CodedFailure => {
    let ctx = contexts.get(unitId);
    if (!ctx) {
      try {
        ctx = unitContext(scope, unitId);
      } catch (e) {
        if (!(e instanceof CodedFailure)) throw e;
        ctx = e;
      }
      contexts.set(unitId, ctx);
    }
    return ctx;
  };
  const cells: CheckedCell[] = [];
  const refused: BulkResult['refused'] = [];
  for (const c of last.values()) {
    const ctx = contextOf(c.unitId);
    try {
      if (ctx instanceof CodedFailure) throw ctx;
      const node = requireScorableLeaf(scope, ctx, c.nodeCode);
      const score = scoreFor(ctx, node, c.input);
      const was = ctx.mine.get(node.code)?.input ?? null;
      if ((was === null ? null : canonicalJson(JSON.parse(was))) === (c.input === null ? null : canonicalJson(c.input)))
        continue;
      cells.push({ ctx, nodeCode: node.code, input: c.input, score });
    } catch (e) {
      if (!(e instanceof CodedFailure)) throw e;
      refused.push({ unitId: c.unitId, nodeCode: c.nodeCode, code: e.code, message: e.message });
    }
  }
  writeCells(scope, cells, req.reason === 'undo' ? 'appraisal.undo' : 'appraisal.paste');
  return { saved: cells.map(savedView), refused, committed: true };
}
