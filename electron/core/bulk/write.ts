/** Writing checked cells: one transaction, one audit row per sub-criterion. */
import { deserialize } from '../../../shared/decimal/rational.ts';
import { tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { writeAppraisalScore } from '../db/repos/bulk.ts';
import type { Scope } from '../dossier/scope.ts';
import { exactDecimalText } from '../../../shared/decimal/text.ts';
import type { UnitContext } from './unit-context.ts';

export interface CheckedCell {
  readonly ctx: UnitContext;
  readonly nodeCode: string;
  readonly input: unknown;
  /** Serialised rational, or null with a null input. */
  readonly score: string | null;
}

export interface SavedCell {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly before: unknown;
  readonly input: unknown;
  readonly score: string | null;
}

const parse = (s: string | null | undefined): unknown => (s === null || s === undefined ? null : JSON.parse(s));

/** The cell as the reply shows it (score as exact decimal text). */
export function savedView(c: CheckedCell): SavedCell {
  const before = c.ctx.mine.get(c.nodeCode);
  return {
    unitId: c.ctx.unit.id,
    nodeCode: c.nodeCode,
    before: parse(before?.input),
    input: c.input,
    score: c.score === null ? null : exactDecimalText(deserialize(c.score)),
  };
}

/** Writes every cell in one transaction; `action` names the audit rows ('appraisal.agree', 'appraisal.paste', 'appraisal.undo'). */
export function writeCells(scope: Scope, cells: readonly CheckedCell[], action: string): void {
  if (cells.length === 0) return;
  const at = new Date().toISOString();
  tx(scope.db, () => {
    for (const c of cells) {
      const { ctx, nodeCode } = c;
      const before = ctx.mine.get(nodeCode);
      const comment = before?.comment ?? '';
      const input = c.input === null ? null : JSON.stringify(c.input);
      writeAppraisalScore(scope.db, ctx.unit.id, nodeCode, ctx.memberId, input, c.score, comment, at);
      appendAudit(scope.db, {
        actor: ctx.memberId,
        action,
        entity: 'appraisal',
        entityId: `${ctx.unit.id}/${nodeCode}/${ctx.memberId}`,
        before: before ? { input: parse(before.input), score: before.score, comment: before.comment } : null,
        after: { input: c.input, score: c.score, comment },
        at,
      });
    }
  });
}
