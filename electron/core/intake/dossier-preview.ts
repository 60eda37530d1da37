/**
 * The preview of a dossier import: items with the recomputed score beside the unit's own, totals, files found,
 * missing or not cited, round-2 changes.
 */

import { type Rational, ZERO, add, cmp, deserialize, parseDecimal, sum } from '../../../shared/decimal/rational.ts';
import type { IntakeChange, IntakeItem, IntakePreview } from '../../../shared/contract/intake.ts';
import type { Db } from '../db/connection.ts';
import { citedNames, storedRounds } from '../db/repos/intake.ts';
import { describeInput, pointsText } from './describe.ts';
import type { EvidenceEntry } from './evidence-source.ts';
import { type Prepared, citedEntries, fileNameKey } from './dossier-prepare.ts';

export function buildPreview(
  db: Db,
  p: Prepared,
  round: 1 | 2,
  hashes: ReadonlyMap<EvidenceEntry, string> | null,
): IntakePreview {
  const items: IntakeItem[] = p.items.map((it) => {
    const differs = it.claimed !== null && (it.score === null || cmp(it.claimed, it.score) !== 0);
    return {
      code: it.code,
      title: it.node.title,
      row: it.row,
      maxPoints: it.node.maxPoints,
      kind: it.node.scoring!.kind,
      inputText: describeInput(it.node, it.input),
      score: pointsText(it.score),
      claimed: pointsText(it.claimed),
      differs,
      explanation: it.explanation,
      citations: it.citations.map((c) => {
        const r = p.resolved.get(c);
        return {
          fileName: c.fileName,
          page: c.page,
          status: r === null || r === undefined ? 'missing' : 'entry' in r ? 'found' : 'stored',
        };
      }),
      lowered: it.lowered,
    };
  });
  const score = sum(p.items.map((i) => i.score ?? ZERO));
  const anyClaimed = p.items.some((i) => i.claimed !== null);
  const claimed = anyClaimed ? sum(p.items.map((i) => i.claimed ?? i.score ?? ZERO)) : null;
  const maxPoints = p.items.reduce<Rational>((s, i) => add(s, parseDecimal(i.node.maxPoints)!), ZERO);

  const cited = citedEntries(p);
  const firstOfHash = new Map<string, string>();
  const found = cited.map((e) => {
    const sha = hashes?.get(e) ?? null;
    let duplicateOf: string | null = null;
    if (sha) {
      duplicateOf = firstOfHash.get(sha) ?? null;
      if (!duplicateOf) firstOfHash.set(sha, e.path);
    }
    return { path: e.path, size: e.size, sha256: sha, duplicateOf };
  });
  const citedSet = new Set(cited);
  const missingMap = new Map<string, { fileName: string; codes: string[]; rows: number[] }>();
  const storedNames = new Set<string>();
  for (const it of p.items) {
    for (const c of it.citations) {
      const r = p.resolved.get(c);
      if (r && 'stored' in r) storedNames.add(c.fileName);
      if (r !== null) continue;
      const m = missingMap.get(fileNameKey(c.fileName)) ?? { fileName: c.fileName, codes: [], rows: [] };
      if (!m.codes.includes(it.code)) m.codes.push(it.code), m.rows.push(c.row);
      missingMap.set(fileNameKey(c.fileName), m);
    }
  }
  let changes: IntakeChange[] | null = null;
  if (round === 2) {
    const before = new Map(storedRounds(db, p.unit.id).map((r) => [r.nodeCode, r]));
    const names = citedNames(db, p.unit.id);
    changes = [];
    for (const it of p.items) {
      const b = before.get(it.code);
      const beforeScore = b?.r1Score ? pointsText(deserialize(b.r1Score)) : null;
      const afterScore = pointsText(it.score);
      const beforeInput = b?.r1Input ? describeInput(it.node, JSON.parse(b.r1Input)) : '';
      const afterInput = describeInput(it.node, it.input);
      const oldCites = (names.get(it.code) ?? []).join('; ');
      const newCites = it.citations
        .map((c) => (c.page ? `${c.fileName} (tr. ${c.page})` : c.fileName))
        .sort()
        .join('; ');
      const explanationChanged = (b?.explanation ?? '') !== it.explanation;
      const evidenceChanged = oldCites !== newCites;
      if (beforeScore !== afterScore || beforeInput !== afterInput || explanationChanged || evidenceChanged) {
        changes.push({
          code: it.code,
          title: it.node.title,
          before: beforeScore,
          after: afterScore,
          beforeInput,
          afterInput,
          explanationChanged,
          evidenceChanged,
        });
      }
    }
  }
  return {
    cycleId: p.target.cycle.id,
    unitId: p.unit.id,
    unitName: p.unit.name,
    group: p.unit.group,
    round,
    workbook: p.workbook,
    evidenceSource: {
      kind: p.source.kind,
      name: p.source.name,
      files: p.source.entries.length,
      bytes: p.source.entries.reduce((s, e) => s + e.size, 0),
    },
    items,
    totals: {
      maxPoints: pointsText(maxPoints)!,
      score: pointsText(score)!,
      claimed: pointsText(claimed),
      differs: claimed !== null && cmp(claimed, score) !== 0,
      items: items.length,
    },
    files: {
      found,
      missing: [...missingMap.values()],
      notCited: p.source.entries.filter((e) => !citedSet.has(e)).map((e) => ({ path: e.path, size: e.size })),
      stored: [...storedNames].sort(),
    },
    exemptions: [
      ...new Map(
        p.items
          .filter((i) => i.loweredNode !== null)
          .map((i) => [i.loweredNode!, { code: i.loweredNode!, reason: i.lowered! }]),
      ).values(),
    ],
    changes,
    canCommit: missingMap.size === 0,
  };
}
