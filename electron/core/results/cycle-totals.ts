/**
 * Recomputes a cycle from the store: for every unit, the effective score of each
 * applicable sub-criterion, then its totals (benchmark, self-assessed, survey, fields).
 *
 * Effective score of a leaf, in order: survey leaves take the imported survey points;
 * otherwise the secretariat's final score (merge); otherwise the appraisal of a member
 * assigned to the leaf's field (the latest); otherwise the unit's self-assessment
 * (round 2, else round 1), counted as provisional (tạm tính).
 */
import { isAssigned } from '../../../shared/council/assignment.ts';
import { assignmentsByMember } from '../db/repos/members.ts';
import { type Rational, deserialize } from '../../../shared/decimal/rational.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import { type TotalsPlan, type UnitTotals, unitTotals } from '../../../shared/results/unit-totals.ts';
import type { UnitFigures } from '../../../shared/results/compute.ts';
import type { Db } from '../db/connection.ts';
import {
  appraisalScoreRows,
  exemptionRows,
  finalScoreRows,
  scanScope,
  selfScoreRows,
  surveyPointRows,
} from '../db/repos/figures.ts';
import { type Cycle, getCycle } from '../db/repos/cycles.ts';
import { cycleFrameworkGroups } from '../db/repos/frameworks.ts';
import { type Unit, listUnits, listUnitsByIds } from '../db/repos/units.ts';
import { treeFor } from '../framework/trees.ts';
import { textBefore } from '../db/text-order.ts';

export interface CycleTotalsOptions {
  /** Count exemptions still proposed (a member's own view); the official results count approved ones only. */
  readonly includeProposedExemptions?: boolean;
  /** Only these units (default: all of the cycle). */
  readonly unitIds?: readonly string[];
}

export interface UnitComputed {
  readonly unit: Unit;
  readonly totals: UnitTotals;
  /** Leaves whose score is final or appraised. */
  readonly appraised: number;
  /** Leaves scored from the self-assessment only. */
  readonly provisional: number;
  /** The effective score of each scored leaf (exempted ones included, though they do not count). */
  readonly scores: ReadonlyMap<string, Rational>;
  /** Where each leaf's score came from. */
  readonly sources: ReadonlyMap<string, ScoreSource>;
  /**
   * Counted leaves whose assigned members disagree with no council decision yet (an
   * unresolved conflict): the score counted meanwhile is the latest member's, provisional.
   */
  readonly conflicts: ReadonlySet<string>;
  /** Counted survey leaves with no survey points yet: the index cannot be computed. */
  readonly surveyMissing: number;
}

type ScoreSource = 'survey' | 'final' | 'appraised' | 'self';
const SOURCE_NAMES: Record<number, ScoreSource> = { 4: 'survey', 3: 'final', 2: 'appraised', 1: 'self' };

export interface CycleTotals {
  readonly cycle: Cycle;
  readonly plans: ReadonlyMap<UnitGroup, TotalsPlan>;
  readonly units: readonly UnitComputed[];
}

export function requireCycle(db: Db, cycleId: string): Cycle {
  const cycle = getCycle(db, cycleId);
  if (!cycle) throw new CodedFailure('CYCLE_NOT_FOUND', `Không tìm thấy kỳ đánh giá “${cycleId}”.`, { cycleId });
  return cycle;
}

/** Each group's totals plan, built once per framework hash (frameworks are immutable by hash: see treeFor). */
export function cyclePlans(db: Db, cycleId: string): Map<UnitGroup, TotalsPlan> {
  const plans = new Map<UnitGroup, TotalsPlan>();
  for (const g of cycleFrameworkGroups(db, cycleId)) plans.set(g, treeFor(db, cycleId, g).plan);
  return plans;
}

type Slot = {
  scores: Map<string, Rational>;
  level: Map<string, number>;
  exempted: Set<string>;
  appraised: Map<string, { score: string; at: string; member: string }>;
  conflicts: Set<string>;
};
const SURVEY = 4;
const FINAL = 3;
const APPRAISED = 2;
const SELF = 1;

export function computeCycleTotals(db: Db, cycleId: string, options: CycleTotalsOptions = {}): CycleTotals {
  const cycle = requireCycle(db, cycleId);
  const plans = cyclePlans(db, cycleId);
  const wanted = options.unitIds ? new Set(options.unitIds) : null;
  const units = wanted ? listUnitsByIds(db, cycleId, [...wanted]) : listUnits(db, cycleId);
  const slots = new Map<string, Slot>();
  for (const u of units)
    slots.set(u.id, {
      scores: new Map(),
      level: new Map(),
      exempted: new Set(),
      appraised: new Map(),
      conflicts: new Set(),
    });

  const offer = (unitId: string, code: string, score: string | null, level: number) => {
    if (score === null) return;
    const s = slots.get(unitId);
    if (!s || (s.level.get(code) ?? 0) >= level) return;
    s.scores.set(code, deserialize(score));
    s.level.set(code, level);
  };
  // Restrict every scan to the wanted units when there are few (one dossier open), else to the cycle.
  const inCycle = scanScope(cycleId, wanted ? [...wanted] : undefined);

  for (const [u, c, r2, r1] of selfScoreRows(db, inCycle)) {
    offer(u, c, r2 ?? r1, SELF);
  }
  // Appraisals count only by a member assigned to the leaf's field in the unit's group.
  const assigned = assignmentsByMember(db, cycleId);
  const fieldOfLeaf = new Map<UnitGroup, Map<string, string>>();
  for (const [g, plan] of plans)
    fieldOfLeaf.set(g, new Map(plan.leaves.map((l) => [l.code, plan.fields[l.fieldIndex]!.code])));
  const groupOf = new Map(units.map((u) => [u.id, u.group]));
  // The latest counts (same time: the smaller member id, as SQLite orders text); two scores that differ make a conflict.
  for (const [u, c, m, score, at] of appraisalScoreRows(db, inCycle)) {
    const g = groupOf.get(u);
    const field = g ? fieldOfLeaf.get(g)?.get(c) : undefined;
    if (field === undefined || !g || !isAssigned(assigned.get(m), g, field)) continue;
    const slot = slots.get(u);
    if (!slot) continue;
    const best = slot.appraised.get(c);
    if (best === undefined) slot.appraised.set(c, { score, at, member: m });
    else {
      if (best.score !== score) slot.conflicts.add(c);
      if (at > best.at || (at === best.at && textBefore(m, best.member)))
        slot.appraised.set(c, { score, at, member: m });
    }
  }
  for (const [u, slot] of slots) for (const [c, a] of slot.appraised) offer(u, c, a.score, APPRAISED);
  for (const [u, c, score] of finalScoreRows(db, inCycle)) {
    offer(u, c, score, FINAL);
    slots.get(u)?.conflicts.delete(c);
  }
  // Survey leaves take the imported points of their source.
  const surveyLeaves = new Map<UnitGroup, { code: string; source: string }[]>();
  for (const [g, plan] of plans)
    surveyLeaves.set(
      g,
      plan.leaves.filter((l) => l.survey).map((l) => ({ code: l.code, source: l.survey! })),
    );
  for (const [u, source, points] of surveyPointRows(db, inCycle)) {
    const g = groupOf.get(u);
    for (const leaf of (g && surveyLeaves.get(g)) || [])
      if (leaf.source === source) offer(u, leaf.code, points, SURVEY);
  }
  for (const [u, c] of exemptionRows(db, inCycle, options.includeProposedExemptions === true)) {
    slots.get(u)?.exempted.add(c);
  }

  const computed: UnitComputed[] = [];
  for (const unit of units) {
    const plan = plans.get(unit.group);
    if (!plan) {
      throw new CodedFailure(
        'FRAMEWORK_MISSING',
        `Kỳ đánh giá chưa có bộ tiêu chí cho nhóm của đơn vị “${unit.name}”.`,
        { unitId: unit.id },
      );
    }
    const slot = slots.get(unit.id)!;
    const totals = unitTotals(plan, slot.scores, slot.exempted);
    let appraised = 0;
    let provisional = 0;
    let surveyMissing = 0;
    const conflicts = new Set<string>();
    const anyExempt = slot.exempted.size > 0;
    for (const leaf of plan.leaves) {
      if (anyExempt && leaf.path.some((c) => slot.exempted.has(c))) continue;
      const level = slot.level.get(leaf.code) ?? 0;
      if (leaf.survey && level !== SURVEY) surveyMissing += 1;
      if (slot.conflicts.has(leaf.code)) conflicts.add(leaf.code);
      if (level === SELF) provisional += 1;
      else if (level === FINAL || level === APPRAISED) appraised += 1;
    }
    const sources = new Map<string, ScoreSource>();
    for (const [code, level] of slot.level) sources.set(code, SOURCE_NAMES[level]!);
    computed.push({ unit, totals, appraised, provisional, scores: slot.scores, sources, conflicts, surveyMissing });
  }
  return { cycle, plans, units: computed };
}

/** The figures behind the index, per unit, from computed totals. */
export function figuresOf(totals: CycleTotals): UnitFigures[] {
  return totals.units.map(({ unit, totals: t }) => ({
    unit: unit.name,
    group: unit.group,
    benchmark: t.benchmark,
    selfAssessed: t.selfAssessed,
    surveyCbccvc: t.surveyCbccvc,
    surveySipas: t.surveySipas,
  }));
}
