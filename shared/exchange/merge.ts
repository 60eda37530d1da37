/**
 * Merge planning, pure: what an incoming appraisal package changes in the secretariat's
 * store. The electron side reads the local state, calls `planMerge`, shows the plan as a
 * preview and applies exactly that plan in one transaction.
 *
 * Rules:
 * - A package is the member's full snapshot: items absent from it are withdrawn.
 * - The final score of a sub-criterion comes from the members assigned to its field who
 *   have no conflict of interest with the unit (the candidates). One candidate, or all
 *   candidates agreeing, gives the final score, with its provenance (member, package hash).
 * - Candidates that disagree make a conflict. The secretariat resolves it (a member's value
 *   or the council's, always with a reason); the decision records the candidates' scores
 *   it was made on (`basis`) and stands while they stay the same. When they change the
 *   decision lapses and the sub-criterion is merged afresh.
 * - A proposed exemption enters as 'proposed'; only the secretariat approves or rejects it.
 *   Withdrawing a proposal removes it while undecided; a decided one stays until the
 *   proposal's wording changes (then it is proposed again).
 *
 * Kept as one file over 300 lines: the rules above and the one function that applies them
 * (planMerge) read together.
 */
import { isAssigned } from '../council/assignment.ts';
import { stableStringify } from '../framework/canonical.ts';
import type { AppraisalItem, ConflictDeclaration, ScoreInputData } from './appraisal-package.ts';

export type ItemKey = string;
export const itemKey = (unitId: string, nodeCode: string): ItemKey => `${unitId}\u001f${nodeCode}`;
export function splitKey(key: ItemKey): { unitId: string; nodeCode: string } {
  const i = key.indexOf('\u001f');
  return { unitId: key.slice(0, i), nodeCode: key.slice(i + 1) };
}

/** A member's scored appraisal of one sub-criterion, as a merge candidate. */
export interface Candidate {
  readonly memberId: string;
  /** Exact score, "n/d" as serialised by shared/decimal (reduced, so equal scores are equal strings). */
  readonly score: string;
  readonly input: ScoreInputData | null;
  readonly packageHash: string | null;
}

/** An appraisal of another member already in the store. */
export interface OtherAppraisal extends Omit<Candidate, 'score'> {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly score: string | null;
}

/** A row of final_scores. `decidedBy` is set for a secretariat decision, with `reason` and `basis`. */
export interface FinalScoreData {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly input: ScoreInputData | null;
  readonly score: string;
  readonly sourceMember: string | null;
  readonly packageHash: string | null;
  readonly decidedBy: string | null;
  readonly reason: string | null;
  readonly basis: string | null;
  readonly updatedAt: string;
}

export type ExemptionStatus = 'proposed' | 'approved' | 'rejected';

export interface ExemptionData {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly reason: string;
  readonly legalBasis: string;
  readonly proposedBy: string | null;
  readonly status: ExemptionStatus;
  readonly decidedBy: string | null;
  readonly decisionReason: string | null;
  readonly createdAt: string;
  readonly decidedAt: string | null;
  readonly packageHash: string | null;
}

/** The candidates' scores a decision is made on: "m1=1;m2=0" (sorted by member). */
export function basisOf(candidates: readonly Candidate[]): string {
  return [...candidates]
    .sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0))
    .map((c) => `${c.memberId}=${c.score}`)
    .join(';');
}

export type Judgement =
  | { readonly state: 'none' }
  | { readonly state: 'agreed'; readonly score: string; readonly candidates: readonly Candidate[] }
  | { readonly state: 'conflict'; readonly basis: string; readonly candidates: readonly Candidate[] }
  | {
      readonly state: 'resolved';
      readonly basis: string;
      readonly candidates: readonly Candidate[];
      readonly final: FinalScoreData;
    };

/** The state of one sub-criterion given its candidates and its current final score. */
export function judge(candidates: readonly Candidate[], final: FinalScoreData | undefined): Judgement {
  if (candidates.length === 0) return { state: 'none' };
  const first = candidates[0]!.score;
  if (candidates.every((c) => c.score === first)) return { state: 'agreed', score: first, candidates };
  const basis = basisOf(candidates);
  if (final && final.decidedBy !== null && final.basis === basis)
    return { state: 'resolved', basis, candidates, final };
  return { state: 'conflict', basis, candidates };
}

const sameInput = (a: ScoreInputData | null, b: ScoreInputData | null) =>
  a === b || (a !== null && b !== null && stableStringify(a) === stableStringify(b));

/**
 * The final score a sub-criterion should have now: a row to write, null to have none, or
 * `final` itself when nothing changes. `prefer` is the member whose package is being
 * merged (his value is the provenance when several candidates agree and the current
 * source no longer does).
 */
function desiredFinal(
  unitId: string,
  nodeCode: string,
  candidates: readonly Candidate[],
  final: FinalScoreData | undefined,
  prefer: string | null,
  at: string,
): FinalScoreData | null {
  const j = judge(candidates, final);
  if (j.state === 'none' || j.state === 'conflict') return null;
  if (j.state === 'resolved') return j.final;
  // agreed
  if (final && final.decidedBy === null && final.score === j.score) {
    const current = j.candidates.find((c) => c.memberId === final.sourceMember);
    if (current && sameInput(current.input, final.input) && current.packageHash === final.packageHash) return final;
  }
  const source =
    (final && final.decidedBy === null && j.candidates.find((c) => c.memberId === final.sourceMember)) ||
    j.candidates.find((c) => c.memberId === prefer) ||
    [...j.candidates].sort((a, b) => (a.memberId < b.memberId ? -1 : 1))[0]!;
  return {
    unitId,
    nodeCode,
    input: source.input,
    score: source.score,
    sourceMember: source.memberId,
    packageHash: source.packageHash,
    decidedBy: null,
    reason: null,
    basis: null,
    updatedAt: at,
  };
}

function sameFinal(a: FinalScoreData, b: FinalScoreData): boolean {
  return (
    a.score === b.score &&
    a.sourceMember === b.sourceMember &&
    a.packageHash === b.packageHash &&
    a.decidedBy === b.decidedBy &&
    a.reason === b.reason &&
    a.basis === b.basis &&
    sameInput(a.input, b.input)
  );
}

/** Two items say the same thing (the time of the last save aside). */
function sameItem(a: AppraisalItem, b: AppraisalItem): boolean {
  return (
    a.score === b.score &&
    a.comment === b.comment &&
    sameInput(a.input, b.input) &&
    stableStringify(a.evidence) === stableStringify(b.evidence) &&
    stableStringify(a.exemption) === stableStringify(b.exemption)
  );
}

/** An item as the store holds it, with the package it came from. */
export type StoredItem = AppraisalItem & { readonly packageHash: string | null };

export interface MergeLocal {
  /** The incoming member's items as the store holds them (from his earlier packages). */
  readonly mine: readonly StoredItem[];
  /** His declarations of conflicts of interest as the store holds them. */
  readonly myConflicts: readonly ConflictDeclaration[];
  /** Other members' appraisals on (at least) the sub-criteria this package touches. */
  readonly others: readonly OtherAppraisal[];
  /** memberId → assignment entries ("3" or "commune:3", shared/council/assignment.ts). */
  readonly assignments: Readonly<Record<string, readonly string[]>>;
  /** unitId → the unit's group, for every unit of `fieldOf`. */
  readonly groupOf: Readonly<Record<string, string>>;
  /** Declared conflicts of interest of every member. */
  readonly conflictsOfInterest: readonly { readonly memberId: string; readonly unitId: string }[];
  /** itemKey → field code, for every key of `mine` and of the incoming items. */
  readonly fieldOf: Readonly<Record<ItemKey, string>>;
  /** final_scores rows of (at least) the touched sub-criteria. */
  readonly finals: readonly FinalScoreData[];
  /** exemptions rows of (at least) the touched sub-criteria. */
  readonly exemptions: readonly ExemptionData[];
}

export interface MergeIncoming {
  readonly memberId: string;
  readonly packageHash: string;
  /** Time of the import (ISO). */
  readonly at: string;
  readonly items: readonly AppraisalItem[];
  readonly conflictsOfInterest: readonly ConflictDeclaration[];
}

interface PlannedConflict {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly candidates: readonly Candidate[];
  readonly status: 'open' | 'resolved';
  /** Not a conflict before this package. */
  readonly isNew: boolean;
}

export interface MergePlan {
  readonly memberId: string;
  readonly packageHash: string;
  readonly added: readonly AppraisalItem[];
  readonly changed: readonly { readonly before: AppraisalItem; readonly after: AppraisalItem }[];
  readonly unchanged: number;
  readonly removed: readonly AppraisalItem[];
  readonly declarations: {
    readonly added: readonly ConflictDeclaration[];
    readonly removed: readonly ConflictDeclaration[];
    readonly changed: readonly { readonly before: ConflictDeclaration; readonly after: ConflictDeclaration }[];
  };
  readonly exemptions: { readonly upsert: readonly ExemptionData[]; readonly remove: readonly ExemptionData[] };
  readonly finals: { readonly upsert: readonly FinalScoreData[]; readonly remove: readonly FinalScoreData[] };
  /** Sub-criteria touched by the package whose candidates disagree after it. */
  readonly conflicts: readonly PlannedConflict[];
  /** True when applying the plan changes nothing but the package record. */
  readonly empty: boolean;
}

function candidateOf(memberId: string, item: AppraisalItem, packageHash: string | null): Candidate | null {
  return item.score === null ? null : { memberId, score: item.score, input: item.input, packageHash };
}

export function planMerge(local: MergeLocal, incoming: MergeIncoming): MergePlan {
  const me = incoming.memberId;
  const mine = new Map(local.mine.map((i) => [itemKey(i.unitId, i.nodeCode), i]));
  const next = new Map(incoming.items.map((i) => [itemKey(i.unitId, i.nodeCode), i]));

  const added: AppraisalItem[] = [];
  const changed: { before: AppraisalItem; after: AppraisalItem }[] = [];
  const removed: AppraisalItem[] = [];
  let unchanged = 0;
  for (const [k, after] of next) {
    const before = mine.get(k);
    if (!before) added.push(after);
    else if (sameItem(before, after)) unchanged += 1;
    else changed.push({ before, after });
  }
  for (const [k, before] of mine) if (!next.has(k)) removed.push(before);

  // Declarations of conflicts of interest.
  const oldDecl = new Map(local.myConflicts.map((c) => [c.unitId, c]));
  const newDecl = new Map(incoming.conflictsOfInterest.map((c) => [c.unitId, c]));
  const declarations = {
    added: [...newDecl.values()].filter((c) => !oldDecl.has(c.unitId)),
    removed: [...oldDecl.values()].filter((c) => !newDecl.has(c.unitId)),
    changed: [...newDecl.values()].flatMap((after) => {
      const before = oldDecl.get(after.unitId);
      return before && (before.reason !== after.reason || before.declaredAt !== after.declaredAt)
        ? [{ before, after }]
        : [];
    }),
  };

  // Candidates of the other members, by sub-criterion: assigned to its field, no conflict of interest.
  const conflicted = new Map<string, Set<string>>(); // member → units
  for (const c of local.conflictsOfInterest) {
    if (c.memberId === me) continue;
    let units = conflicted.get(c.memberId);
    if (!units) conflicted.set(c.memberId, (units = new Set()));
    units.add(c.unitId);
  }
  const assigned = new Map(Object.entries(local.assignments).map(([m, fields]) => [m, new Set(fields)]));
  const others = new Map<ItemKey, Candidate[]>();
  for (const o of local.others) {
    if (o.memberId === me || o.score === null) continue;
    const k = itemKey(o.unitId, o.nodeCode);
    const field = local.fieldOf[k];
    if (
      field === undefined ||
      !isAssigned(assigned.get(o.memberId), local.groupOf[o.unitId] ?? '', field) ||
      conflicted.get(o.memberId)?.has(o.unitId)
    )
      continue;
    const list = others.get(k);
    const c: Candidate = { memberId: o.memberId, score: o.score, input: o.input, packageHash: o.packageHash };
    if (list) list.push(c);
    else others.set(k, [c]);
  }
  const finals = new Map(local.finals.map((f) => [itemKey(f.unitId, f.nodeCode), f]));

  const upsertFinals: FinalScoreData[] = [];
  const removeFinals: FinalScoreData[] = [];
  const conflicts: PlannedConflict[] = [];
  const touched = new Set<ItemKey>([...mine.keys(), ...next.keys()]);
  for (const k of touched) {
    const { unitId, nodeCode } = splitKey(k);
    const rest = others.get(k) ?? [];
    const oldMine = mine.get(k);
    const newMine = next.get(k);
    const oldC = oldMine ? candidateOf(me, oldMine, oldMine.packageHash) : null;
    const before = oldC ? [...rest, oldC] : rest;
    // A changed item carries the new package's hash; an unchanged one keeps where it came from.
    const keepHash = oldMine && newMine && sameItem(oldMine, newMine);
    const newC = newMine ? candidateOf(me, newMine, keepHash ? oldMine.packageHash : incoming.packageHash) : null;
    const after = newC ? [...rest, newC] : rest;
    const final = finals.get(k);
    const desired = desiredFinal(unitId, nodeCode, after, final, me, incoming.at);
    if (desired === null) {
      if (final) removeFinals.push(final);
    } else if (!final || (desired !== final && !sameFinal(desired, final))) upsertFinals.push(desired);

    const j = judge(after, final);
    if (j.state === 'conflict' || j.state === 'resolved') {
      const wasConflict = judge(before, final).state;
      conflicts.push({
        unitId,
        nodeCode,
        candidates: j.candidates,
        status: j.state === 'resolved' ? 'resolved' : 'open',
        isNew: wasConflict !== 'conflict' && wasConflict !== 'resolved',
      });
    }
  }

  // Exemption proposals.
  const exemptions = new Map(local.exemptions.map((e) => [itemKey(e.unitId, e.nodeCode), e]));
  const upsertEx: ExemptionData[] = [];
  const removeEx: ExemptionData[] = [];
  for (const k of touched) {
    const { unitId, nodeCode } = splitKey(k);
    const proposal = next.get(k)?.exemption ?? null;
    const row = exemptions.get(k);
    if (proposal) {
      if (!row) {
        upsertEx.push({
          unitId,
          nodeCode,
          reason: proposal.reason,
          legalBasis: proposal.legalBasis,
          proposedBy: me,
          status: 'proposed',
          decidedBy: null,
          decisionReason: null,
          createdAt: incoming.at,
          decidedAt: null,
          packageHash: incoming.packageHash,
        });
      } else if (row.reason !== proposal.reason || row.legalBasis !== proposal.legalBasis) {
        if (row.proposedBy === me || row.status !== 'proposed') {
          upsertEx.push({
            ...row,
            reason: proposal.reason,
            legalBasis: proposal.legalBasis,
            proposedBy: me,
            status: 'proposed',
            decidedBy: null,
            decisionReason: null,
            decidedAt: null,
            packageHash: incoming.packageHash,
          });
        }
      }
    } else if (row && row.proposedBy === me && row.status === 'proposed' && mine.get(k)?.exemption) {
      removeEx.push(row);
    }
  }

  const empty =
    added.length +
      changed.length +
      removed.length +
      upsertFinals.length +
      removeFinals.length +
      upsertEx.length +
      removeEx.length ===
      0 && declarations.added.length + declarations.removed.length + declarations.changed.length === 0;
  return {
    memberId: me,
    packageHash: incoming.packageHash,
    added,
    changed,
    unchanged,
    removed,
    declarations,
    exemptions: { upsert: upsertEx, remove: removeEx },
    finals: { upsert: upsertFinals, remove: removeFinals },
    conflicts,
    empty,
  };
}
