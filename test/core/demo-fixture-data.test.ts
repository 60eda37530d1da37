import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_UNITS } from '../../tools/demo/fixture-data.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'soc-trang-2023');
function csv(name: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(join(dir, name), 'utf8').trim().split(/\r?\n/);
  const keys = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [keys[i]!, v])));
}

describe('demo fixture data', () => {
  it('is the transcription of the fixture CSV files', () => {
    const expected = [
      ...[['summary-districts.csv', 'fields-districts.csv', ['1', '2', '3', '4', '5', '6', '7', '8']] as const],
      ...[['summary-public-units.csv', 'fields-public-units.csv', ['1', '4', '5', '6', '7', '8']] as const],
      ...[['summary-central-agencies.csv', 'fields-central-agencies.csv', ['1', '3', '7', '8']] as const],
    ].flatMap(([summary, fields, codes]) => {
      const byUnit = new Map(csv(fields).map((r) => [r['unit']!, r]));
      return csv(summary).map((r) => {
        const f = byUnit.get(r['unit']!)!;
        const cols = Object.keys(f).filter((k) => k !== 'unit');
        return {
          name: r['unit'],
          group: r['group'],
          benchmark: r['benchmark_max'],
          selfAssessed: r['self_assessed'],
          surveyCbccvc: r['survey_cbccvc'],
          surveySipas: r['survey_sipas'],
          publishedTotal: r['published_total'],
          publishedIndex: r['published_index_percent'],
          fields: Object.fromEntries(codes.map((c, i) => [c, f[cols[i]!]])),
        };
      });
    });
    expect(FIXTURE_UNITS).toEqual(expected);
    expect(FIXTURE_UNITS).toHaveLength(21);
  });
});
