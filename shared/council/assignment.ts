/**
 * A council member's field assignment. Each entry is either a field code ("3": field 3 of
 * every group) or a group code and a field code ("commune:3": field 3 of the commune group
 * only), because a member who appraises the communes' field 3 need not appraise the
 * departments' field 3. Entries travel as these strings (roster files, the cycle package,
 * the contract); the store keeps the group in its own column.
 */

const SEPARATOR = ':';

/** An entry: a field code, or a group code (shared/framework/groups.ts) and a field code. */
export const ASSIGNMENT_PATTERN = /^(?:[a-z][a-z0-9_]{0,39}:)?[0-9A-Za-z]{1,10}$/;

export interface Assignment {
  /** null: every group of the cycle. */
  readonly group: string | null;
  readonly field: string;
}

export function parseAssignment(entry: string): Assignment {
  const at = entry.indexOf(SEPARATOR);
  return at < 0 ? { group: null, field: entry } : { group: entry.slice(0, at), field: entry.slice(at + 1) };
}

export function assignmentEntry(group: string | null, field: string): string {
  return group ? `${group}${SEPARATOR}${field}` : field;
}

/** group → field → "group:field" (a cycle has a few groups and tens of fields). */
const scoped = new Map<string, Map<string, string>>();

/** Whether the entries give the member this field of this group. */
export function isAssigned(entries: Iterable<string> | undefined, group: string, field: string): boolean {
  if (!entries) return false;
  const set = entries instanceof Set ? (entries as ReadonlySet<string>) : new Set(entries);
  if (set.has(field)) return true;
  // Most entries are group-scoped: look the group's entry up without building its text each time.
  let memo = scoped.get(group);
  if (!memo) {
    if (scoped.size >= 1_000) scoped.clear(); // a cycle has a few groups: never reached but by odd callers
    scoped.set(group, (memo = new Map()));
  }
  let entry = memo.get(field);
  if (entry === undefined) {
    if (memo.size >= 1_000) memo.clear();
    memo.set(field, (entry = assignmentEntry(group, field)));
  }
  return set.has(entry);
}

/** The field codes the member appraises in a group, in the entries' order, once each. */
export function fieldsIn(entries: readonly string[], group: string): string[] {
  const out = new Set<string>();
  for (const e of entries) {
    const a = parseAssignment(e);
    if (a.group === null || a.group === group) out.add(a.field);
  }
  return [...out];
}

/** Field codes before group-scoped entries, each part in field order (1, 2, 10), then by group. */
export function compareAssignments(a: string, b: string): number {
  const x = parseAssignment(a);
  const y = parseAssignment(b);
  if ((x.group === null) !== (y.group === null)) return x.group === null ? -1 : 1;
  return (
    (x.group ?? '').localeCompare(y.group ?? '') || Number(x.field) - Number(y.field) || x.field.localeCompare(y.field)
  );
}

/**
 * The entries as a council member reads them: "1, 2; 3, 5 ở Cấp xã" —
 * fields of every group first, then the fields of each group with its label.
 */
export function describeAssignments(entries: readonly string[], labelOf: (group: string) => string): string {
  const every: string[] = [];
  const byGroup = new Map<string, string[]>();
  for (const e of [...entries].sort(compareAssignments)) {
    const a = parseAssignment(e);
    if (a.group === null) every.push(a.field);
    else byGroup.set(a.group, [...(byGroup.get(a.group) ?? []), a.field]);
  }
  const parts = every.length ? [every.join(', ')] : [];
  for (const [g, fields] of byGroup) parts.push(`${fields.join(', ')} ở ${labelOf(g)}`);
  return parts.join('; ');
}
