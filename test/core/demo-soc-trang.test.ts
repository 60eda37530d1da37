import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Rational,
  cmp,
  div,
  mul,
  parseDecimal,
  rat,
  roundHalfUp,
  roundHalfUpScaled,
  sub,
  sum,
  HUNDRED,
} from '../../shared/decimal/rational.ts';
import { buildTree } from '../../shared/framework/tree.ts';
import { GROUPS_2023 as UNIT_GROUPS, type GroupPresetCode as UnitGroup } from '../../shared/framework/groups.ts';
import { classify } from '../../shared/results/classification.ts';
import { planTotals, unitTotals, type UnitTotals } from '../../shared/results/unit-totals.ts';
import { scoreNode } from '../../shared/scoring/score.ts';
import { loadDefaultFrameworks } from '../../electron/core/framework/defaults.ts';
import { type DemoUnit, buildDemoCycle } from '../../tools/demo/soc-trang-2023.ts';
import { fixedDecimalText } from '../../shared/decimal/text.ts';

const fws = loadDefaultFrameworks();
const demo = buildDemoCycle(fws);
const d = (s: string): Rational => parseDecimal(s)!;
const str = (r: Rational) => fixedDecimalText(r, 6);

const dir = join(import.meta.dirname, '..', 'fixtures', 'soc-trang-2023');
function csv(name: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(join(dir, name), 'utf8').trim().split(/\r?\n/);
  const keys = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [keys[i]!, v])));
}

function totals(u: DemoUnit, round: 'round1' | 'round2' = 'round2'): UnitTotals {
  const tree = buildTree(fws[u.group as UnitGroup]);
  const plan = planTotals(tree, u.group);
  const scores = new Map<string, Rational>();
  for (const e of u.entries) {
    const n = tree.byCode.get(e.nodeCode)!;
    const r = scoreNode(n.scoring!, n.maxPoints, e[round]);
    if (!r.ok) throw new Error(`${u.name} ${e.nodeCode}: ${r.error.message}`);
    scores.set(e.nodeCode, r.value);
  }
  for (const l of plan.leaves) {
    if (l.survey === 'cbccvc') scores.set(l.code, d(u.survey.cbccvc));
    if (l.survey === 'sipas') scores.set(l.code, d(u.survey.sipas));
  }
  return unitTotals(plan, scores, new Set(u.exemptions.map((e) => e.nodeCode)));
}

describe('demo cycle Sóc Trăng 2023', () => {
  it('has the cycle and the 40 units of the 2023 report', () => {
    expect(demo.cycle).toEqual({ name: 'Sóc Trăng 2023', year: 2023, province: 'Sóc Trăng' });
    const count = (g: UnitGroup) => demo.units.filter((u) => u.group === g).length;
    expect(demo.units).toHaveLength(40);
    expect([count('department'), count('district'), count('public_service_unit'), count('central_agency')]).toEqual([
      19, 11, 4, 6,
    ]);
    expect(demo.units.map((u) => u.order)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(demo.units.map((u) => u.code)).size).toBe(40);
    for (const u of demo.units) expect(u.code).toMatch(/^[a-z0-9-]+$/);
    const names = (g: UnitGroup) =>
      demo.units
        .filter((u) => u.group === g)
        .map((u) => u.name)
        .sort();
    expect(names('district')).toEqual(
      csv('summary-districts.csv')
        .map((r) => r['unit'])
        .sort(),
    );
    expect(names('public_service_unit')).toEqual(
      csv('summary-public-units.csv')
        .map((r) => r['unit'])
        .sort(),
    );
    expect(names('department')).toContain('Sở Nội vụ');
    expect(names('department')).toContain('Ban Quản lý các Khu công nghiệp');
    expect(names('central_agency')).toEqual(
      csv('summary-central-agencies.csv')
        .map((r) => r['unit'])
        .sort(),
    );
  });

  it('gives every input valid for scoreNode, one entry per applicable, non-exempted, non-survey leaf', () => {
    for (const u of demo.units) {
      const tree = buildTree(fws[u.group as UnitGroup]);
      const plan = planTotals(tree, u.group);
      const exempted = new Set(u.exemptions.map((e) => e.nodeCode));
      const expected = plan.leaves.filter((l) => !l.survey && !l.path.some((c) => exempted.has(c))).map((l) => l.code);
      expect(
        u.entries.map((e) => e.nodeCode),
        u.name,
      ).toEqual(expected);
      for (const e of u.entries) {
        const n = tree.byCode.get(e.nodeCode)!;
        for (const round of ['round1', 'round2'] as const) {
          const r = scoreNode(n.scoring!, n.maxPoints, e[round]);
          expect(r.ok, `${u.name} ${e.nodeCode} ${round}: ${r.ok ? '' : r.error.message}`).toBe(true);
        }
        if (e.figures) expect(e.round2).toEqual(e.figures);
        expect(e.explanation.length).toBeGreaterThan(5);
        expect(e.evidence.length).toBeGreaterThanOrEqual(1);
        expect(e.evidence.length).toBeLessThanOrEqual(2);
        for (const ev of e.evidence) {
          expect(ev.title).toMatch(/ số \d+\/[A-ZĐ]+-/);
          expect(ev.fileName).toMatch(/^[A-Za-z0-9-]+\.pdf$/);
          expect(ev.page).toBeGreaterThanOrEqual(1);
        }
      }
      for (const x of u.exemptions) {
        const n = tree.byCode.get(x.nodeCode);
        expect(n?.exemptable, `${u.name} ${x.nodeCode}`).toBe(true);
        expect(x.reason.length).toBeGreaterThan(10);
        expect(x.legalBasis.length).toBeGreaterThan(10);
      }
    }
    const differing = demo.units
      .flatMap((u) => u.entries)
      .filter((e) => JSON.stringify(e.round1) !== JSON.stringify(e.round2));
    expect(differing.length).toBeGreaterThan(20);
  });

  it('reproduces the published figures of the 11 districts, 4 public service units and 6 central agencies', () => {
    const fieldCols = (row: Record<string, string>) => Object.keys(row).filter((k) => k !== 'unit');
    for (const [summaryFile, fieldsFile, codes] of [
      ['summary-districts.csv', 'fields-districts.csv', ['1', '2', '3', '4', '5', '6', '7', '8']],
      ['summary-public-units.csv', 'fields-public-units.csv', ['1', '4', '5', '6', '7', '8']],
      ['summary-central-agencies.csv', 'fields-central-agencies.csv', ['1', '3', '7', '8']],
    ] as const) {
      const fieldRows = new Map(csv(fieldsFile).map((r) => [r['unit']!, r]));
      for (const row of csv(summaryFile)) {
        const u = demo.units.find((x) => x.name === row['unit']);
        expect(u, row['unit']).toBeDefined();
        const t = totals(u!);
        const name = u!.name;
        expect(str(t.benchmark), `${name} benchmark`).toBe(str(d(row['benchmark_max']!)));
        expect(str(t.selfAssessed), `${name} self-assessed`).toBe(str(d(row['self_assessed']!)));
        expect(str(t.surveyCbccvc), `${name} cbccvc`).toBe(str(d(row['survey_cbccvc']!)));
        expect(str(t.surveySipas), `${name} sipas`).toBe(str(d(row['survey_sipas']!)));
        expect(u!.survey).toEqual({ cbccvc: row['survey_cbccvc'], sipas: row['survey_sipas'] });
        const f = fieldRows.get(name)!;
        const published = fieldCols(f).map((c) => d(f[c]!));
        expect(t.fields.map((x) => x.code)).toEqual([...codes]);
        // Do the published 2-decimal field scores add up to the published self-assessment + survey?
        const consistent = cmp(sum(published), t.total) === 0;
        t.fields.forEach((x, i) => {
          const p = published[i]!;
          if (consistent || x.code === '8') expect(str(x.points), `${name} field ${x.code}`).toBe(str(p));
          else {
            expect(fixedDecimalText(x.points, 2), `${name} field ${x.code}`).toBe(fixedDecimalText(p, 2));
            const diff = sub(x.points, p);
            expect(
              cmp(diff, rat(4, 1000)) <= 0 && cmp(diff, rat(-4, 1000)) >= 0,
              `${name} field ${x.code} within 0.004`,
            ).toBe(true);
          }
          expect(cmp(x.points, x.benchmark) <= 0, `${name} field ${x.code} within its benchmark`).toBe(true);
        });
        const index = fixedDecimalText(mul(div(t.total, t.benchmark), HUNDRED), 2);
        expect(Math.abs(Number(index) - Number(row['published_index_percent']))).toBeLessThanOrEqual(0.011);
      }
    }
  });

  it('reproduces the published field scores exactly where they add up', () => {
    const exact = [
      'UBND huyện Mỹ Xuyên',
      'UBND huyện Thạnh Trị',
      'UBND huyện Cù Lao Dung',
      'UBND thị xã Vĩnh Châu',
      'Ban Quản lý Dự án 2',
    ];
    for (const name of exact) {
      const u = demo.units.find((x) => x.name === name)!;
      for (const f of totals(u).fields)
        expect(fixedDecimalText(f.points, 6), `${name} ${f.code}`).toBe(fixedDecimalText(roundHalfUp(f.points, 2), 6));
    }
  });

  it('lowers the benchmarks named in the report', () => {
    const ex = (name: string) => {
      const u = demo.units.find((x) => x.name === name)!;
      const tree = buildTree(fws[u.group as UnitGroup]);
      return u.exemptions.map((e) => tree.byCode.get(e.nodeCode)!.title);
    };
    expect(ex('Chi cục Hải quan')).toContain('Kiểm tra công tác cải cách hành chính tại các đơn vị trực thuộc');
    expect(ex('UBND thành phố Sóc Trăng').filter((t) => /nông thôn/.test(t))).toHaveLength(2);
    expect(ex('UBND huyện Cù Lao Dung').some((t) => /bảo hiểm y tế/.test(t))).toBe(true);
    const noDrafting = demo.units.filter(
      (u) => u.group === 'department' && ex(u.name).includes('Xây dựng, ban hành văn bản quy phạm pháp luật'),
    );
    expect(noDrafting).toHaveLength(6);
    for (const u of demo.units.filter((x) => x.group !== 'department' && x.group !== 'central_agency'))
      expect(u.exemptions.length).toBeGreaterThan(0);
  });

  it('spreads the (illustrative) departments over classification groups 2–4', () => {
    const groups = demo.units
      .filter((u) => u.group === 'department')
      .map((u) => {
        const t = totals(u);
        const index = mul(div(t.total, t.benchmark), HUNDRED);
        for (const f of t.fields) expect(cmp(f.points, f.benchmark) <= 0).toBe(true);
        return classify(roundHalfUpScaled(index, 2), 2);
      });
    expect(new Set(groups)).toEqual(new Set([2, 3, 4]));
  });

  it('has a council covering every field and a secretariat', () => {
    const { members, secretariat } = demo.council;
    expect(members.length).toBeGreaterThanOrEqual(6);
    expect(members.length).toBeLessThanOrEqual(8);
    expect(new Set(members.flatMap((m) => m.fields))).toEqual(new Set(['1', '2', '3', '4', '5', '6', '7', '8']));
    const fieldsOf = (agency: string) => members.filter((m) => m.agency === agency).flatMap((m) => m.fields);
    expect(fieldsOf('Sở Tư pháp')).toEqual(['2']);
    expect(fieldsOf('Sở Tài chính')).toEqual(['6']);
    expect(fieldsOf('Sở Thông tin và Truyền thông')).toEqual(['7']);
    expect(fieldsOf('Sở Nội vụ').sort()).toEqual(['1', '4', '5']);
    expect(fieldsOf('Văn phòng UBND tỉnh')).toEqual(['3']);
    expect(members.filter((m) => m.councilRole === 'chair')).toHaveLength(1);
    expect(new Set(members.map((m) => m.code)).size).toBe(members.length);
    expect(secretariat.agency).toBe('Sở Nội vụ');
  });

  it('is deterministic', () => {
    expect(buildDemoCycle(loadDefaultFrameworks())).toEqual(demo);
    expect(UNIT_GROUPS.every((g) => demo.units.some((u) => u.group === g))).toBe(true);
  });
});
