/** The member's home: the cycle, his fields, and per unit the progress of his appraisal. */
import { exemptionStatuses, keysWithEvidence, scoredKeysOf } from '../db/repos/progress.ts';
import { listCycleGroups } from '../db/repos/groups.ts';
import { type ExemptionStatus, type ProgressLeaf, myProgress, takesOut } from '../../../shared/scoring/progress.ts';
import type { Overview, RosterMember, UnitProgress } from '../../../shared/contract/workspace.ts';
import { isDemoCycle } from '../demo/adopt.ts';
import { type Member, listMembers } from '../db/repos/members.ts';
import { fieldsIn, parseAssignment } from '../../../shared/council/assignment.ts';
import { computeCycleTotals } from '../results/cycle-totals.ts';
import { treeFor } from '../framework/trees.ts';
import type { Scope } from './scope.ts';
import { totalsView } from './views.ts';

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

export function overview(scope: Scope): Overview {
  const { db } = scope;
  const me = scope.member;
  const entries = me?.fields ?? [];
  const totals = computeCycleTotals(db, scope.cycle.id, { includeProposedExemptions: true });
  const appraisedByMe = new Set(me ? scoredKeysOf(db, me.id) : []);
  const withEvidence = new Set(keysWithEvidence(db, scope.cycle.id));
  const exemptStatus = new Map<string, ExemptionStatus>(exemptionStatuses(db, scope.cycle.id));
  const fieldTitles = new Map<string, string>();
  const units: UnitProgress[] = totals.units.map((c) => {
    const { plan } = treeFor(db, scope.cycle.id, c.unit.group);
    const myFields = new Set(fieldsIn(entries, c.unit.group));
    let withoutEvidence = 0;
    const leaves: ProgressLeaf[] = [];
    for (const leaf of plan.leaves) {
      const field = plan.fields[leaf.fieldIndex]!;
      const key = `${c.unit.id}\u001f${leaf.code}`;
      const path = leaf.path.map((p) => exemptStatus.get(`${c.unit.id}\u001f${p}`) ?? null);
      leaves.push({
        field: field.code,
        survey: leaf.survey !== null,
        own: exemptStatus.get(key) ?? null,
        path,
        appraisedByMe: appraisedByMe.has(key),
      });
      if (!myFields.has(field.code) || leaf.survey) continue;
      fieldTitles.set(field.code, field.title);
      if (!path.some(takesOut) && !withEvidence.has(key)) withoutEvidence += 1;
    }
    const { total, appraised, exemptions } = myProgress(leaves, myFields);
    const t = totalsView(c, scope.cycle.precision);
    return {
      id: c.unit.id,
      name: c.unit.name,
      group: c.unit.group,
      total,
      appraised,
      exemptions,
      withoutEvidence,
      index: t.index,
      classification: t.classification,
      computable: t.computable,
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
