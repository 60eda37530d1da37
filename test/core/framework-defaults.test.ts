import { mkdtempSync, mkdirSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDecimal, add, ZERO, cmp, type Rational } from '../../shared/decimal/rational.ts';
import { buildTree, leavesUnder } from '../../shared/framework/tree.ts';
import {
  type GroupPresetCode as UnitGroup,
  GROUP_PRESET_CODES,
  GROUPS_2023 as UNIT_GROUPS,
} from '../../shared/framework/groups.ts';
import { SCORING_KINDS } from '../../shared/framework/types.ts';
import { validateFramework } from '../../shared/framework/validate.ts';
import { loadDefaultFrameworks, resourcesDir } from '../../electron/core/framework/defaults.ts';
import { frameworkHash } from '../../electron/core/framework/hash.ts';

const d = (s: string): Rational => parseDecimal(s)!;
const fieldMax = (g: UnitGroup) =>
  Object.fromEntries(
    loadDefaultFrameworks()
      [g].nodes.filter((n) => n.parent === null)
      .map((n) => [n.code, n.maxPoints]),
  );

describe('default frameworks', () => {
  const fws = loadDefaultFrameworks();

  it('exist for every unit group, are samples of 2023 and validate', () => {
    for (const g of UNIT_GROUPS) {
      const f = fws[g];
      expect(f.group).toBe(g);
      expect(f.sample).toBe(true);
      expect(f.year).toBe(2023);
      expect(f.name).toMatch(/^Bộ tiêu chí mẫu — .+ \(2023\)$/);
      expect(validateFramework(f)).toEqual([]);
      for (const n of f.nodes) {
        expect(n.groups).toEqual([g]);
        expect(n.title.length).toBeGreaterThan(3);
        if (n.scoring) {
          expect(n.guide.length, n.code).toBeGreaterThan(10);
          expect(n.evidence.length, n.code).toBeGreaterThan(5);
        }
      }
    }
  });

  it('appraise the fields of their group with the maxima of the 2023 report', () => {
    expect(Object.keys(fieldMax('department'))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(Object.keys(fieldMax('district'))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(Object.keys(fieldMax('public_service_unit'))).toEqual(['1', '4', '5', '6', '7', '8']);
    expect(Object.keys(fieldMax('central_agency'))).toEqual(['1', '3', '7', '8']);
    expect(fieldMax('department')).toMatchObject({ '1': '11', '7': '17.5', '8': '37' });
    expect(fieldMax('district')).toMatchObject({ '1': '14', '3': '7', '4': '7.5', '5': '7', '7': '16' });
    expect(fieldMax('public_service_unit')['1']).toBe('16');
    expect(fieldMax('central_agency')['1']).toBe('29');
  });

  it('have full benchmarks of 96–100 points and one survey leaf per source', () => {
    for (const g of UNIT_GROUPS) {
      const tree = buildTree(fws[g]);
      const total = leavesUnder(tree, null).reduce((s, l) => add(s, d(l.maxPoints)), ZERO);
      expect(cmp(total, d('96')) >= 0 && cmp(total, d('100')) <= 0, `${g}: ${total.n}/${total.d}`).toBe(true);
      const surveys = leavesUnder(tree, null).filter((l) => l.scoring?.kind === 'survey');
      expect(surveys.map((l) => (l.scoring as { source: string }).source).sort()).toEqual(['cbccvc', 'sipas']);
      expect(surveys.every((l) => l.code.startsWith('8.'))).toBe(true);
      expect(fws[g].nodes.some((n) => n.exemptable)).toBe(true);
    }
  });

  it('use every scoring kind, in every group', () => {
    for (const g of UNIT_GROUPS) {
      const kinds = new Set(fws[g].nodes.flatMap((n) => (n.scoring ? [n.scoring.kind] : [])));
      expect([...kinds].sort(), g).toEqual([...SCORING_KINDS].sort());
    }
  });

  it('have stable identities', () => {
    const again = loadDefaultFrameworks();
    for (const g of UNIT_GROUPS) expect(frameworkHash(again[g])).toBe(frameworkHash(fws[g]));
    expect(new Set(UNIT_GROUPS.map((g) => frameworkHash(fws[g]))).size).toBe(4);
  });
});

describe('resources folder', () => {
  let tmp: string | null = null;
  afterEach(() => {
    delete process.env['CCHC_RESOURCES'];
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    tmp = null;
  });

  it('is found from the project root and can be overridden with CCHC_RESOURCES', () => {
    const real = resourcesDir();
    expect(real.endsWith('resources')).toBe(true);
    tmp = mkdtempSync(join(tmpdir(), 'cchc-res-'));
    mkdirSync(join(tmp, 'frameworks'));
    for (const g of GROUP_PRESET_CODES)
      copyFileSync(join(real, 'frameworks', `${g}.json`), join(tmp, 'frameworks', `${g}.json`));
    process.env['CCHC_RESOURCES'] = tmp;
    expect(resourcesDir()).toBe(tmp);
    expect(loadDefaultFrameworks().district.group).toBe('district');
    rmSync(join(tmp, 'frameworks', 'district.json'));
    expect(() => loadDefaultFrameworks()).toThrow(/district\.json/);
  });
});

describe('the commune preset (two-level local government, from 2025)', () => {
  it('has a sample framework of its own, marked as a sample, that validates and names communes, not districts', () => {
    const f = loadDefaultFrameworks().commune;
    expect(f.group).toBe('commune');
    expect(f.sample).toBe(true);
    expect(f.name).toMatch(/^Bộ tiêu chí mẫu — UBND xã, phường, đặc khu/);
    expect(validateFramework(f)).toEqual([]);
    for (const n of f.nodes) expect(n.groups).toEqual(['commune']);
    expect(f.nodes.some((n) => /cấp huyện/.test(n.title))).toBe(false);
    expect(frameworkHash(f)).not.toBe(frameworkHash(loadDefaultFrameworks().district));
  });
});
