/** The member's home: the cycle, his fields, and per unit the progress of his appraisal. */
import { exemptionStatuses, keysWithEvidence, scoredKeysOf } from '../db/repos/progress.ts';
import { listCycleGroups } from '../db/repos/groups.ts';
import { type ExemptionStatus, type ProgressLeaf, myProgress, takesOut } from '../../../shared/scoring/progress.ts';
import type { Overview, RosterMember, UnitProgress } from '../../../shared/contract/workspace.ts';
import { isDemoCycle } from '../demo/adopt.ts';
import { type Member, listMembers } from '../db/repos/members.ts';
import { fieldsIn, parseAssignment } from '../../../shared/council/assignment.ts';
import { scanScope, surveyPointRows } from '../db/repos/figures.ts';
import { listUnits } from '../db/repos/units.ts';
import { cycleFigures } from '../results/cycle-results.ts';
import { unitResult } from '../../../shared/results/compute.ts';
import { treeFor } from '../framework/trees.ts';
import { scaledDecimalText } from '../../../shared/decimal/text.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import type { Scope } from './scope.ts';

function cycleSummary(scope: Scope) {
  const c = scope.cycle;
  return {
    id: c.id,
    name: c.name,
    year: c.year,
    province: c.province,
    status: c.status,
    precision: c.precision,
    demo: isDemoCycle(c.id),
    groups: listCycleGroups(scope.db, c.id).map((g) => ({ ...g, fields: [...g.fields] })),
  };
}

export function rosterMember(m: Member): RosterMember {
  return { id: m.id, name: m.name, position: m.position, agency: m.agency, role: m.role, fields: [...m.fields] };
}

export function roster(scope: Scope): { cycle: ReturnType<typeof cycleSummary>; members: RosterMember[] } {
  return {
    cycle: cycleSummary(scope),
    members: listMembers(scope.db, scope.cycle.id).map(rosterMember),
  };
}

/**
 * The home's figures per unit: the index and its classification come from the cycle's
 * results (the per-unit cache, so a 10,000-unit cycle reads them back instead of adding up
 * every leaf again), with proposed exemptions counted as the dossier counts them; the
 * progress of my appraisal, the items without evidence and whether the survey points are
 * all in (computable) from one pass over each unit's leaves.
 */
export function overview(scope: Scope): Overview {
  const { db } = scope;
  const me = scope.member;
  const entries = me?.fields ?? [];
  const precision = scope.cycle.precision;
  // Each unit's published index and class (no ranks: the home shows none).
  const results = new Map(
    cycleFigures(db, scope.cycle.id, { includeProposedExemptions: true }).map((f) => [
      f.unit,
      unitResult(f, precision),
    ]),
  );
  const appraisedByMe = new Set(me ? scoredKeysOf(db, me.id) : []);
  const withEvidence = new Set(keysWithEvidence(db, scope.cycle.id));
  // Exemptions by unit: most units have none, and their leaves need no look-up.
  const exemptByUnit = new Map<string, Map<string, ExemptionStatus>>();
  for (const [key, status] of exemptionStatuses(db, scope.cycle.id)) {
    const i = key.indexOf('\u001f');
    const unitId = key.slice(0, i);
    let m = exemptByUnit.get(unitId);
    if (!m) exemptByUnit.set(unitId, (m = new Map()));
    m.set(key.slice(i + 1), status);
  }
  const surveyIn = new Set<string>();
  for (const [u, source] of surveyPointRows(db, scanScope(scope.cycle.id))) surveyIn.add(`${u}\u001f${source}`);
  const plans = new Map<UnitGroup, ReturnType<typeof treeFor>['plan']>();
  const planOf = (g: UnitGroup) => {
    let plan = plans.get(g);
    if (!plan) plans.set(g, (plan = treeFor(db, scope.cycle.id, g).plan));
    return plan;
  };
  const fieldTitles = new Map<string, string>();
  const units: UnitProgress[] = listUnits(db, scope.cycle.id).map((unit) => {
    const plan = planOf(unit.group);
    const myFields = new Set(fieldsIn(entries, unit.group));
    const ex = exemptByUnit.get(unit.id);
    let withoutEvidence = 0;
    let surveyMissing = 0;
    // Only what counts: my fields' leaves (progress, evidence) and the survey leaves (computable).
    const leaves: ProgressLeaf[] = [];
    for (const leaf of plan.leaves) {
      const field = plan.fields[leaf.fieldIndex]!;
      if (leaf.survey === null && !myFields.has(field.code)) continue;
      const path = ex ? leaf.path.map((p) => ex.get(p) ?? null) : [];
      const out = path.some(takesOut);
      if (leaf.survey !== null) {
        if (!out && !surveyIn.has(`${unit.id}\u001f${leaf.survey}`)) surveyMissing += 1;
        continue;
      }
      const key = `${unit.id}\u001f${leaf.code}`;
      leaves.push({
        field: field.code,
        survey: false,
        own: ex?.get(leaf.code) ?? null,
        path,
        appraisedByMe: appraisedByMe.has(key),
      });
      fieldTitles.set(field.code, field.title);
      if (!out && !withEvidence.has(key)) withoutEvidence += 1;
    }
    const { total, appraised, exemptions } = myProgress(leaves, myFields);
    const r = results.get(unit.name)!;
    return {
      id: unit.id,
      name: unit.name,
      group: unit.group,
      total,
      appraised,
      exemptions,
      withoutEvidence,
      index: scaledDecimalText(r.published, precision),
      classification: r.classification,
      computable: surveyMissing === 0,
    };
  });
  // Per field code: null when assigned in every group, else the groups it is assigned in.
  const groupsOf = new Map<string, string[] | null>();
  for (const e of entries) {
    const a = parseAssignment(e);
    const before = groupsOf.get(a.field);
    if (before === null) continue;
    groupsOf.set(a.field, a.group === null ? null : [...(before ?? []), a.group]);
  }
  const myFieldList = [...groupsOf]
    .sort(([a], [b]) => Number(a) - Number(b) || a.localeCompare(b))
    .map(([code, groups]) => ({ code, title: fieldTitles.get(code) ?? `Lĩnh vực ${code}`, groups }));
  return {
    cycle: cycleSummary(scope),
    me: me ? rosterMember(me) : null,
    myFields: myFieldList,
    units,
  };
}
