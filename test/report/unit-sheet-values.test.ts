/**
 * Issue #10 item 6: the per-unit appraisal sheet shows the same values as the drill-down —
 * every field's and criterion's subtotal is the drill-down's points — and its comments are
 * the council's (councilValue), never a raw join of every member's.
 */
import { describe, expect, it } from 'vitest';
import { unitSheetsDocumentHtml } from '../../electron/core/documents/documents.ts';
import { unitDrilldown } from '../../electron/core/report/drilldown.ts';
import { parseDecimal } from '../../shared/decimal/rational.ts';
import { formatPoints } from '../../shared/format/vi.ts';
import { flattenDrill } from '../../shared/report/drilldown.ts';
import { tempDirs } from '../db/support.ts';
import { DEMO_CYCLE_ID, demoDb, unitIdOf } from './demo-db.ts';

describe('per-unit appraisal sheet', () => {
  const newDir = tempDirs('cchc-sheet-values-');

  it('prints every subtotal as the drill-down computes it', () => {
    const dir = newDir();
    const { db } = demoDb(dir);
    const unitId = unitIdOf(db, 'UBND huyện Long Phú');
    // The demo's sub-criteria are still provisional (self-scores): the old sheet left every subtotal blank.
    const d = unitDrilldown(db, DEMO_CYCLE_ID, unitId);
    const html = unitSheetsDocumentHtml(db, DEMO_CYCLE_ID, [unitId], { kind: 'appraisal', fontCss: '' });
    const rows = new Map<string, string>();
    for (const m of html.matchAll(/<tr class="(?:field|criterion)"><td>([^<]*)<\/td>((?:<td[^>]*>.*?<\/td>)+)<\/tr>/g))
      rows.set(m[1]!, m[2]!);
    const inner = flattenDrill(d.fields).filter((n) => !n.leaf && n.points !== null);
    expect(inner.length).toBeGreaterThan(10);
    for (const n of inner) {
      const cells = [...rows.get(n.code)!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]!);
      // columns: title, max, self 1, self 2, appraised (the points that count)
      expect(cells[4]!.replace(/<br>.*$/, '')).toBe(formatPoints(parseDecimal(n.points!)!, 3));
    }
    db.close();
  });
});
