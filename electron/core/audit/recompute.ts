/**
 * Recomputes what the store should hold from what was imported (the signed packages kept
 * whole, by hash) and the audited decisions (the audit log replayed), and lists every
 * difference with the tables by unit and sub-criterion; then the results: the per-unit
 * totals cache against a fresh computation, and a finalised cycle's stored snapshot against
 * the results recomputed now.
 *
 *   recomputeStore(db) → StoreProblem[]
 */
import { serialize } from '../../../shared/decimal/rational.ts';
import type { AppraisalPayload } from '../../../shared/exchange/appraisal-package.ts';
import type { Db } from '../db/connection.ts';
import { listAudit } from '../db/repos/audit.ts';
import {
  allAppraisals,
  allExemptions,
  allFinals,
  allSurveyPoints,
  allUnits,
  cachedTotals,
  cycleIds,
  cycleStatus,
  dossierScores,
  lastSnapshot,
  receivedCycles,
  storedPackages,
} from '../db/repos/audit-state.ts';
import { resultsSnapshot } from '../council/finalise.ts';
import { computeCycleTotals } from '../results/cycle-totals.ts';
import { TOTALS_RULES } from '../results/unit-cache.ts';
import type { StoreProblem } from './problems.ts';
import { type ExpectedAppraisal, canonicalInput, key, replayAudit } from './replay.ts';

type Item = ExpectedAppraisal;

function parsedPayload(text: string): AppraisalPayload | null {
  try {
    return JSON.parse(text) as AppraisalPayload;
  } catch {
    return null;
  }
}

const same = (a: Item, b: Item) => a.score === b.score && a.input === b.input && a.comment === b.comment;
const shown = (s: string | null | undefined) => (s === null || s === undefined ? 'không có' : `“${s}”`);

export function recomputeStore(db: Db): StoreProblem[] {
  const out: StoreProblem[] = [];
  const expected = replayAudit(listAudit(db));
  const units = new Map(allUnits(db).map((u) => [u.id, u]));
  const received = receivedCycles(db);
  const name = (unitId: string) => units.get(unitId)?.name ?? unitId;
  const differs = (unitId: string, nodeCode: string, what: string) =>
    out.push({ code: 'STORE_DIFFERS', unitId, nodeCode, message: `${name(unitId)}, tiêu chí ${nodeCode}: ${what}.` });

  // The signed packages kept whole: every one recorded by an import row, every import row's package kept.
  const packages = new Map<string, Map<string, Item>>();
  for (const p of storedPackages(db)) {
    const items = new Map<string, Item>();
    for (const i of parsedPayload(p.payload)?.appraisals ?? []) {
      items.set(key(i.unitId, i.nodeCode, p.memberId), {
        input: canonicalInput(i.input),
        score: i.score,
        comment: i.comment ?? '',
      });
    }
    packages.set(p.packageHash, items);
    if (!expected.imported.has(p.packageHash)) {
      out.push({
        code: 'AUDIT_PACKAGE_UNRECORDED',
        message: `Gói ${p.packageHash.slice(0, 12)}… của ${p.memberId} có trong cơ sở dữ liệu nhưng nhật ký không ghi việc nhập gói này.`,
      });
    }
  }
  for (const [h, seq] of expected.imported) {
    if (!packages.has(h))
      out.push({
        code: 'AUDIT_PACKAGE_MISSING',
        seq,
        message: `Nhật ký dòng ${seq} ghi đã nhập gói ${h.slice(0, 12)}… nhưng cơ sở dữ liệu không còn gói này.`,
      });
  }

  // Appraisals: as the audit log and the signed package they came in say.
  const seen = new Set<string>();
  for (const a of allAppraisals(db)) {
    const k = key(a.unitId, a.nodeCode, a.memberId);
    seen.add(k);
    const now: Item = {
      input: a.input === null ? null : canonicalInput(JSON.parse(a.input)),
      score: a.score,
      comment: a.comment,
    };
    if (a.packageHash) {
      const signed = packages.get(a.packageHash)?.get(k);
      if (!packages.has(a.packageHash))
        differs(
          a.unitId,
          a.nodeCode,
          `điểm thẩm định của ${a.memberId} dẫn tới gói ${a.packageHash.slice(0, 12)}… không còn trong cơ sở dữ liệu`,
        );
      else if (!signed)
        differs(a.unitId, a.nodeCode, `điểm thẩm định của ${a.memberId} không có trong gói đã ký mà nó dẫn tới`);
      else if (!same(signed, now))
        differs(
          a.unitId,
          a.nodeCode,
          `điểm thẩm định của ${a.memberId} là ${shown(a.score)}, gói đã ký ghi ${shown(signed.score)}`,
        );
    }
    const e = expected.appraisals.get(k);
    if (e === undefined)
      differs(a.unitId, a.nodeCode, `điểm thẩm định ${shown(a.score)} của ${a.memberId} không được ghi trong nhật ký`);
    else if (e === null)
      differs(
        a.unitId,
        a.nodeCode,
        `điểm thẩm định của ${a.memberId} đã được xóa theo nhật ký nhưng vẫn còn (${shown(a.score)})`,
      );
    else if (!same(e, now))
      differs(
        a.unitId,
        a.nodeCode,
        `điểm thẩm định của ${a.memberId} là ${shown(a.score)}, nhật ký ghi ${shown(e.score)}`,
      );
  }
  for (const [k, e] of expected.appraisals) {
    if (e === null || seen.has(k)) continue;
    const [u, n, m] = k.split('\u001f') as [string, string, string];
    if (units.has(u))
      differs(u, n, `điểm thẩm định ${shown(e.score)} của ${m} có trong nhật ký nhưng không còn trong cơ sở dữ liệu`);
  }

  // Final scores: the audited merge or decision; taken from a package, the member's signed score.
  // In a cycle received by package they are the council's, from the finalised snapshot it carried (checked by its hash).
  const finalsSeen = new Set<string>();
  for (const f of allFinals(db)) {
    if (received.has(units.get(f.unitId)?.cycleId ?? '')) continue;
    const k = key(f.unitId, f.nodeCode);
    finalsSeen.add(k);
    const e = expected.finals.get(k);
    if (e === undefined)
      differs(f.unitId, f.nodeCode, `điểm thống nhất ${shown(f.score)} không được ghi trong nhật ký`);
    else if (e === null)
      differs(f.unitId, f.nodeCode, `điểm thống nhất đã được bỏ theo nhật ký nhưng vẫn còn (${shown(f.score)})`);
    else if (e !== f.score)
      differs(f.unitId, f.nodeCode, `điểm thống nhất là ${shown(f.score)}, nhật ký ghi ${shown(e)}`);
    if (f.packageHash && f.sourceMember && !f.decidedBy) {
      const signed = packages.get(f.packageHash)?.get(key(f.unitId, f.nodeCode, f.sourceMember));
      if (signed && signed.score !== f.score)
        differs(
          f.unitId,
          f.nodeCode,
          `điểm thống nhất là ${shown(f.score)}, gói đã ký của ${f.sourceMember} ghi ${shown(signed.score)}`,
        );
    }
  }
  for (const [k, e] of expected.finals) {
    if (e === null || finalsSeen.has(k)) continue;
    const [u, n] = k.split('\u001f') as [string, string];
    if (units.has(u)) differs(u, n, `điểm thống nhất ${shown(e)} có trong nhật ký nhưng không còn trong cơ sở dữ liệu`);
  }

  // Exemptions, survey points and dossiers: not checked in a cycle received by package (its baseline is the package, not kept).
  const local = (unitId: string) => {
    const u = units.get(unitId);
    return u !== undefined && !received.has(u.cycleId);
  };
  const exSeen = new Set<string>();
  for (const x of allExemptions(db)) {
    const k = key(x.unitId, x.nodeCode);
    exSeen.add(k);
    if (!local(x.unitId)) continue;
    const e = expected.exemptions.get(k);
    if (e === undefined || e === null)
      differs(x.unitId, x.nodeCode, `hạ điểm chuẩn (${x.status}) không được ghi trong nhật ký`);
    else if (e !== x.status) differs(x.unitId, x.nodeCode, `hạ điểm chuẩn ở trạng thái ${x.status}, nhật ký ghi ${e}`);
  }
  for (const [k, e] of expected.exemptions) {
    const [u, n] = k.split('\u001f') as [string, string];
    if (e !== null && !exSeen.has(k) && local(u))
      differs(u, n, `hạ điểm chuẩn (${e}) có trong nhật ký nhưng không còn trong cơ sở dữ liệu`);
  }
  const svSeen = new Set<string>();
  for (const s of allSurveyPoints(db)) {
    const k = key(s.unitId, s.source);
    svSeen.add(k);
    if (!local(s.unitId)) continue;
    const e = expected.survey.get(k);
    if (e === undefined || e === null)
      differs(s.unitId, s.source, `điểm điều tra ${shown(s.points)} không được ghi trong nhật ký`);
    else if (e !== s.points)
      differs(s.unitId, s.source, `điểm điều tra là ${shown(s.points)}, nhật ký ghi ${shown(e)}`);
  }
  for (const [k, e] of expected.survey) {
    const [u, s] = k.split('\u001f') as [string, string];
    if (e !== null && !svSeen.has(k) && local(u))
      differs(u, s, `điểm điều tra ${shown(e)} có trong nhật ký nhưng không còn trong cơ sở dữ liệu`);
  }
  for (const [unitId, nodes] of expected.dossiers) {
    if (!units.has(unitId)) continue;
    const now = new Map(dossierScores(db, unitId).map((d) => [d.nodeCode, d]));
    for (const [node, [r1, r2]] of Object.entries(nodes)) {
      const d = now.get(node);
      if (!d) differs(unitId, node, 'điểm tự đánh giá không còn trong hồ sơ');
      else if (d.round1Score !== r1 || d.round2Score !== r2)
        differs(unitId, node, `điểm tự đánh giá là ${shown(d.round2Score)}, bản gốc ghi ${shown(r2)}`);
    }
    for (const node of now.keys())
      if (!(node in nodes)) differs(unitId, node, 'điểm tự đánh giá không có trong bản gốc của hồ sơ');
  }

  // Results: the per-unit cache against a fresh computation; a finalised cycle's snapshot against the results now.
  for (const cycleId of cycleIds(db)) {
    const fresh = computeCycleTotals(db, cycleId);
    const byId = new Map(fresh.units.map((u) => [u.unit.id, u.totals]));
    for (const c of cachedTotals(db, cycleId, TOTALS_RULES)) {
      const t = byId.get(c.unitId);
      if (!t) continue;
      const now = [
        serialize(t.benchmark),
        serialize(t.selfAssessed),
        serialize(t.surveyCbccvc),
        serialize(t.surveySipas),
      ];
      if (now.join() !== [c.benchmark, c.selfAssessed, c.surveyCbccvc, c.surveySipas].join()) {
        out.push({
          code: 'RESULTS_DIFFER',
          unitId: c.unitId,
          message: `${name(c.unitId)}: tổng điểm lưu sẵn (${c.selfAssessed}) khác tổng điểm tính lại (${now[1]}).`,
        });
      }
    }
    if (cycleStatus(db, cycleId) !== 'finalised') continue;
    const snap = lastSnapshot(db, cycleId);
    if (!snap) continue;
    type SnapUnit = { id: string; published: string; scores: Record<string, { score: string }> };
    let stored: SnapUnit[];
    try {
      stored = (JSON.parse(snap.content) as { units: SnapUnit[] }).units;
    } catch {
      continue;
    }
    const recomputed = new Map((resultsSnapshot(db, cycleId, '') as { units: SnapUnit[] }).units.map((u) => [u.id, u]));
    for (const s of stored) {
      const r = recomputed.get(s.id);
      if (!r) {
        out.push({
          code: 'RESULTS_DIFFER',
          unitId: s.id,
          message: `${name(s.id)}: có trong bản chốt kết quả nhưng không còn trong cơ sở dữ liệu.`,
        });
        continue;
      }
      for (const [node, v] of Object.entries(s.scores)) {
        const now = r.scores[node]?.score;
        if (now !== v.score)
          out.push({
            code: 'RESULTS_DIFFER',
            unitId: s.id,
            nodeCode: node,
            message: `${name(s.id)}, tiêu chí ${node}: bản chốt ghi ${v.score}, tính lại được ${now ?? 'không có'}.`,
          });
      }
      if (r.published !== s.published)
        out.push({
          code: 'RESULTS_DIFFER',
          unitId: s.id,
          message: `${name(s.id)}: Chỉ số trong bản chốt ${s.published}, tính lại được ${r.published}.`,
        });
    }
  }
  return out;
}
