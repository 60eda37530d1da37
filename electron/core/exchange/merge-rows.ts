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

export class MergeRows {
  /** Per sub-criterion, by member id in the order the store's query returns them. */
  private readonly appraisals = new Map<ItemKey, Scored[]>();
  private readonly finals = new Map<ItemKey, FinalScoreData>();
  private readonly exemptions = new Map<ItemKey, ExemptionData>();
  private readonly input = inputParser();

  constructor(private readonly db: Db) {}

  /** Reads the sub-criteria not read yet (keys: [unit, node] pairs). */
  private load(keys: readonly (readonly [string, string])[]): void {
    const missing = keys.filter(([u, n]) => !this.appraisals.has(itemKey(u, n)));
    if (missing.length === 0) return;
    for (const [u, n] of missing) this.appraisals.set(itemKey(u, n), []);
    for (const a of scoredAppraisalsOf(this.db, missing, this.input))
      this.appraisals.get(itemKey(a.unitId, a.nodeCode))!.push(a as Scored);
    for (const f of finalScoresOf(this.db, missing, this.input)) this.finals.set(itemKey(f.unitId, f.nodeCode), f);
    for (const e of exemptionRecordsOf(this.db, missing)) this.exemptions.set(itemKey(e.unitId, e.nodeCode), e);
  }

  /** The other members' scored appraisals, final scores and exemptions of these sub-criteria, in the keys' order. */
  read(
    keys: readonly (readonly [string, string])[],
    memberId: string,
  ): { others: OtherAppraisal[]; finals: FinalScoreData[]; exemptions: ExemptionData[] } {
    this.load(keys);
    const others: OtherAppraisal[] = [];
    const finals: FinalScoreData[] = [];
    const exemptions: ExemptionData[] = [];
    for (const [u, n] of keys) {
      const k = itemKey(u, n);
      for (const a of this.appraisals.get(k)!) if (a.memberId !== memberId) others.push(a);
      const f = this.finals.get(k);
      if (f) finals.push(f);
      const e = this.exemptions.get(k);
      if (e) exemptions.push(e);
    }
    return { others, finals, exemptions };
  }

  /** A member's appraisal written (score null: unscored, so no longer a candidate). */
  appraisalWritten(a: OtherAppraisal): void {
    const list = this.appraisals.get(itemKey(a.unitId, a.nodeCode));
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
    const list = this.appraisals.get(itemKey(unitId, nodeCode));
    const i = list ? list.findIndex((x) => x.memberId === memberId) : -1;
    if (i >= 0) list!.splice(i, 1);
  }

  finalWritten(f: FinalScoreData): void {
    this.finals.set(itemKey(f.unitId, f.nodeCode), f);
  }

  finalDeleted(unitId: string, nodeCode: string): void {
    this.finals.delete(itemKey(unitId, nodeCode));
  }

  /** An exemption written; an existing row keeps its creation time (the upsert does not change it). */
  exemptionWritten(e: ExemptionData): void {
    const k = itemKey(e.unitId, e.nodeCode);
    const old = this.exemptions.get(k);
    this.exemptions.set(k, old ? { ...e, createdAt: old.createdAt } : e);
  }

  exemptionDeleted(unitId: string, nodeCode: string): void {
    this.exemptions.delete(itemKey(unitId, nodeCode));
  }
}
