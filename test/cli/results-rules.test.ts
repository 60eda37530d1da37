/** Ranking ties and classification bounds on constructed units, through the real CLI. */
import { afterAll, describe, expect, it } from 'vitest';
import { type ResultsJson, cli, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const HEADER = 'unit,group,benchmark_max,self_assessed,survey_cbccvc,survey_sipas';

async function run(rows: string[], ...extra: string[]) {
  const path = tmp.file(`t${Math.random().toString(36).slice(2)}.csv`, `${[HEADER, ...rows].join('\n')}\n`);
  const r = await cli('results', '--summary', path, ...extra);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { out: JSON.parse(r.stdout) as ResultsJson, stdout: r.stdout };
}

describe('ties and classification bounds', () => {
  it('equal published indices share a rank and the next rank skips (1, 1, 3)', async () => {
    const { out } = await run([
      // within every maximum: department surveys at most 16 and 15, self ≤ benchmark − 31
      'Sở C,department,100,50,15,15', // 80.00
      'Sở A,department,100,60,15,15', // 90.00
      'Sở B,department,50,15,15,15', // 90.00, other figures
    ]);
    const rank = Object.fromEntries(out.units.map((u) => [u.unit, u.rankInGroup]));
    expect(rank).toEqual({ 'Sở A': 1, 'Sở B': 1, 'Sở C': 3 });
    expect(out.units.map((u) => u.unit)).toEqual(['Sở A', 'Sở B', 'Sở C']);
    expect(out.units.map((u) => u.rankOverall)).toEqual([1, 1, 3]);
  });

  it('classifies on the published index: 90.00 and 80.00 are group 2, 79.995 publishes 80.00 (group 2)', async () => {
    const { out, stdout } = await run([
      // within every maximum: district surveys at most 15 each, self ≤ benchmark − 30
      'U90,district,100,60,15,15', // exactly 90 → group 2
      'U80,district,100,50,15,15', // exactly 80 → group 2
      'U79995,district,100,49.995,15,15', // 79.995 / 100 → 80.00 → group 2
      'U90005,district,100,60.005,15,15', // 90.005 → 90.01 → group 1
      'U79994,district,50,9.997,15,15', // 39.997 / 50 = 79.994 → 79.99 → group 3
      'U65,district,100,35,15,15', // 65.00 → group 3
      'U64995,district,40,0.998,12.5,12.5', // 25.998 / 40 = 64.995 → 65.00 → group 3
      'U50,district,100,20,15,15', // 50.00 → group 4
      'U49,district,100,19,15,15', // 49.00 → group 5
    ]);
    const by = Object.fromEntries(out.units.map((u) => [u.unit, u]));
    expect(by.U90).toMatchObject({ index: 90, classification: 2 });
    expect(by.U80).toMatchObject({ index: 80, classification: 2 });
    expect(by.U79995).toMatchObject({ index: 80, classification: 2 });
    expect(by.U90005).toMatchObject({ index: 90.01, classification: 1, rankInGroup: 1 });
    expect(by.U79994).toMatchObject({ index: 79.99, classification: 3 });
    expect(by.U65).toMatchObject({ index: 65, classification: 3 });
    expect(by.U64995).toMatchObject({ index: 65, classification: 3 });
    expect(by.U50).toMatchObject({ index: 50, classification: 4 });
    expect(by.U49).toMatchObject({ index: 49, classification: 5 });
    // 80.00 and the 79.995 that publishes 80.00 tie.
    expect(by.U80!.rankInGroup).toBe(3);
    expect(by.U79995!.rankInGroup).toBe(3);
    expect(by.U79994!.rankInGroup).toBe(5);
    expect(stdout).toMatch(
      /"unit":"U79995","group":"district","benchmark":100,"selfAssessed":[0-9.]+,"survey":30,"total":[0-9.]+,"index":80.00,"classification":2/,
    );
    const g = out.groups[0]!;
    expect(g.classificationCounts).toEqual({ 1: 1, 2: 3, 3: 3, 4: 1, 5: 1 });
    expect(g.highest).toEqual({ unit: 'U90005', index: 90.01 });
    expect(g.lowest).toEqual({ unit: 'U49', index: 49 });
    expect(g.spread).toBe(41.01);
  });

  it('keeps the points exact (no binary float drift) and groups in the framework order', async () => {
    const { out, stdout } = await run([
      'Cục Thuế,central_agency,99.9,0.1,0.2,0.3', // 0.1 + 0.2 + 0.3 is 0.6 exactly, not 0.6000000000000001
      'Sở Nội vụ,"Sở, ban, ngành tỉnh",95,60.7,14.1,14.2',
    ]);
    expect(out.groups.map((g) => g.group)).toEqual(['department', 'central_agency']);
    expect(stdout).toContain('"survey":28.3,"total":89,');
    expect(stdout).toContain('"survey":0.5,"total":0.6,"index":0.60,');
  });
});
