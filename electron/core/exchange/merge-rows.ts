/**
 * The store's rows a merge reads about the sub-criteria its package touches: every member's
 * scored appraisal, the final score, the exemption. Each sub-criterion is read from the store
 * once, the first time a package touches it, and then follows the writes of the merges that
 * share this object (applyPlan reports each write here).
 *
 * One package (a preview, a single import) uses a fresh object: it reads exactly the rows it
 * used to. The packages of a batch (import-batch.ts) share one, inside the batch's
 * transaction, where nothing but their own merges writes. The members of a field appraise
 * the same sub-criteria, so the 30 packages of a 150-unit cycle read about 96,000 rows
 * between them that the batch's earlier packages had just written; now those come from
 * memory. Valid only while that transaction is open: a batch takes a new one for each
 * transaction, and a rolled-back batch's object is dropped with it.
 */
import type { ScoreInputData } from '../../../shared/exchange/appraisal-package.ts';
import {
  type ExemptionData,
  type FinalScoreData,
  type ItemKey,
  type OtherAppraisal,
  itemKey,
} from '../../../shared/exchange/merge.ts';
import type { Db } from '../db/connection.ts';
import { textBefore } from '../db/text-order.ts';
import { exemptionRecordsOf, finalScoresOf, scoredAppraisalsOf } from '../db/repos/merge.ts';

/** Parses each distinct input text once (members mostly enter the same few inputs). Read-only results. */
function inputParser(): (text: string | null) => ScoreInputData | null {
  const seen = new Map<string, ScoreInputData>();
  return (text) => {
    if (text === null) return null;
    let v = seen.get(text);
    if (v === undefined) seen.set(text, (v = JSON.parse(text) as ScoreInputData));
    return v;
  };
}

type Scored = OtherAppraisal & { readonly score: string };

/** What the store holds of one sub-criterion. */
interface Held {
  /** Scored appraisals, by member id in the order the store's query returns them. */
  readonly appraisals: Scored[];
  final: FinalScoreData | undefined;
  exemption: ExemptionData | undefined;
}

export class MergeRows {
  private readonly held = new Map<ItemKey, Held>();
  private readonly input = inputParser();

  constructor(private readonly db: Db) {}

  /** Reads these sub-criteria from the store (none of them held yet). */
  private load(pairs: readonly (readonly [string, string])[], keys: readonly ItemKey[]): void {
    for (const k of keys) this.held.set(k, { appraisals: [], final: undefined, exemption: undefined });
    const at = (unitId: string, nodeCode: string) => this.held.get(itemKey(unitId, nodeCode))!;
    for (const a of scoredAppraisalsOf(this.db, pairs, this.input))
      at(a.unitId, a.nodeCode).appraisals.push(a as Scored);
    for (const f of finalScoresOf(this.db, pairs, this.input)) at(f.unitId, f.nodeCode).final = f;
    for (const e of exemptionRecordsOf(this.db, pairs)) at(e.unitId, e.nodeCode).exemption = e;
  }

  /**
   * The other members' scored appraisals, final scores and exemptions of these sub-criteria,
   * in their order: `pairs` are [unit, node], `keys` the same as item keys.
   */
  read(
    pairs: readonly (readonly [string, string])[],
    keys: readonly ItemKey[],
    memberId: string,
  ): { others: OtherAppraisal[]; finals: FinalScoreData[]; exemptions: ExemptionData[] } {
    const missing: number[] = [];
    for (let i = 0; i < keys.length; i++) if (!this.held.has(keys[i]!)) missing.push(i);
    if (missing.length > 0)
      this.load(
        missing.map((i) => pairs[i]!),
        missing.map((i) => keys[i]!),
      );
    const others: OtherAppraisal[] = [];
    const finals: FinalScoreData[] = [];
    const exemptions: ExemptionData[] = [];
    for (const k of keys) {
      const h = this.held.get(k)!;
      for (const a of h.appraisals) if (a.memberId !== memberId) others.push(a);
      if (h.final) finals.push(h.final);
      if (h.exemption) exemptions.push(h.exemption);
    }
    return { others, finals, exemptions };
  }

  /** A member's appraisal written (score null: unscored, so no longer a candidate). */
  appraisalWritten(a: OtherAppraisal): void {
    const list = this.held.get(itemKey(a.unitId, a.nodeCode))?.appraisals;
    if (!list) return; // never read: the store is read when a package touches it
    let i = 0;
    while (i < list.length && textBefore(list[i]!.memberId, a.memberId)) i++;
    const same = i < list.length && list[i]!.memberId === a.memberId;
    if (a.score === null) {
      if (same) list.splice(i, 1);
    } else if (same) list[i] = a as Scored;
    else list.splice(i, 0, a as Scored);
  }

  appraisalDeleted(unitId: string, nodeCode: string, memberId: string): void {
    const list = this.held.get(itemKey(unitId, nodeCode))?.appraisals;
    const i = list ? list.findIndex((x) => x.memberId === memberId) : -1;
    if (i >= 0) list!.splice(i, 1);
  }

  finalWritten(f: FinalScoreData): void {
    const h = this.held.get(itemKey(f.unitId, f.nodeCode));
    if (h) h.final = f;
  }

  finalDeleted(unitId: string, nodeCode: string): void {
    const h = this.held.get(itemKey(unitId, nodeCode));
    if (h) h.final = undefined;
  }

  /** An exemption written; an existing row keeps its creation time (the upsert does not change it). */
  exemptionWritten(e: ExemptionData): void {
    const h = this.held.get(itemKey(e.unitId, e.nodeCode));
    if (h) h.exemption = h.exemption ? { ...e, createdAt: h.exemption.createdAt } : e;
  }

  exemptionDeleted(unitId: string, nodeCode: string): void {
    const h = this.held.get(itemKey(unitId, nodeCode));
    if (h) h.exemption = undefined;
  }
}
