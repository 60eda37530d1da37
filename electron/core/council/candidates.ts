/**
 * The whole cycle's merge state: per sub-criterion, the candidates (scored appraisals of
 * members assigned to its field with no conflict of interest with the unit) and its final
 * score. Conflicts, completeness and finalisation read it.
 */
import { isAssigned } from '../../../shared/council/assignment.ts';
import type { ScoreInputData } from '../../../shared/exchange/appraisal-package.ts';
import { type Candidate, type FinalScoreData, type ItemKey, itemKey } from '../../../shared/exchange/merge.ts';
import { cycleConflictPairs } from '../db/repos/conflicts-of-interest.ts';
import { cycleFinalScores, cycleScoredAppraisals } from '../db/repos/council.ts';
import type { CycleContext } from '../exchange/cycle-context.ts';

export interface CycleMergeState {
  readonly candidates: ReadonlyMap<ItemKey, readonly Candidate[]>;
  readonly finals: ReadonlyMap<ItemKey, FinalScoreData>;
}

const parseInput = (text: string | null): ScoreInputData | null =>
  text === null ? null : (JSON.parse(text) as ScoreInputData);

export function cycleMergeState(ctx: CycleContext): CycleMergeState {
  const db = ctx.db;
  const coi = new Set(cycleConflictPairs(db, ctx.cycle.id).map((c) => `${c.memberId}\u001f${c.unitId}`));
  const assigned = new Map([...ctx.members.values()].map((m) => [m.id, new Set(m.fields)]));
  const candidates = new Map<ItemKey, Candidate[]>();
  for (const [unitId, nodeCode, memberId, input, score, packageHash] of cycleScoredAppraisals(db, ctx.cycle.id)) {
    const unit = ctx.units.get(unitId);
    const field = unit && ctx.groups.get(unit.group)?.fieldOfLeaf.get(nodeCode);
    if (
      !unit ||
      field === undefined ||
      !isAssigned(assigned.get(memberId), unit.group, field) ||
      coi.has(`${memberId}\u001f${unitId}`)
    )
      continue;
    const k = itemKey(unitId, nodeCode);
    const list = candidates.get(k) ?? [];
    list.push({ memberId, score, input: parseInput(input), packageHash });
    candidates.set(k, list);
  }
  const finals = new Map<ItemKey, FinalScoreData>();
  for (const f of cycleFinalScores(db, ctx.cycle.id)) {
    finals.set(itemKey(f.unitId, f.nodeCode), { ...f, input: parseInput(f.input) });
  }
  return { candidates, finals };
}
