/**
 * `results --summary … --format json` for tables of any size in flat memory: each unit is
 * computed exactly as it is read (shared/results: unitResult), and only what ranking and
 * the output need is kept — its name, group, published index, classification and its
 * figures already written as JSON text — never the file, its rows, nor the output.
 * Same bytes as writeResultsJson(computeResults(…)), written piece by piece as stdout takes them.
 */
import { type RankedUnit, rankResults, unitResult } from '../../../shared/results/compute.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import { eachSummaryUnit } from '../../core/summary/read.ts';
import type { CliIO } from '../command.ts';
import { rankedJsonPieces, unitFiguresJson } from '../render/json.ts';

interface KeptUnit extends RankedUnit {
  /** unitFiguresJson of the unit, flat. */
  readonly figures: string;
}

/** A string as one flat piece (a text built by concatenation is otherwise kept as a tree of its parts). */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

export async function writeSummaryResultsJson(
  paths: readonly string[],
  precision: number,
  groupOrder: readonly UnitGroup[],
  io: CliIO,
): Promise<void> {
  const kept: KeptUnit[] = [];
  await eachSummaryUnit(paths, (f) => {
    const u = unitResult(f, precision);
    kept.push({
      unit: u.unit,
      group: u.group,
      published: u.published,
      classification: u.classification,
      rankInGroup: 0,
      rankOverall: 0,
      figures: flat(unitFiguresJson(u, precision)),
    });
  });
  // Each piece leaves before the next is made: a slow reader of a pipe never makes the output pile up here.
  for (const piece of rankedJsonPieces({ precision, ...rankResults(kept, groupOrder) }, (u) => u.figures)) {
    io.out(piece);
    await io.drain?.();
  }
}
