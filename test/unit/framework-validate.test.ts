import { describe, expect, it } from 'vitest';
import type { Framework, FrameworkNode, Scoring } from '../../shared/framework/types.ts';
import { validateFramework } from '../../shared/framework/validate.ts';
import { FRAMEWORK_ERRORS } from '../../shared/errors/catalogue.ts';

const tick: Scoring = { kind: 'tick' };
function leaf(code: string, parent: string | null, max: string, extra: Partial<FrameworkNode> = {}): FrameworkNode {
  return {
    code,
    parent,
    title: `Tiêu chí ${code}`,
    maxPoints: max,
    scoring: tick,
    groups: ['district'],
    exemptable: false,
    guide: '',
    evidence: '',
    ...extra,
  };
}
function inner(code: string, parent: string | null, max: string, extra: Partial<FrameworkNode> = {}): FrameworkNode {
  const { scoring: _s, ...n } = leaf(code, parent, max, extra);
  return { ...n, ...extra };
}
function fw(nodes: FrameworkNode[], extra: Partial<Framework> = {}): Framework {
  return { name: 'Thử', year: 2023, group: 'district', sample: true, nodes, ...extra };
}
const base = (): FrameworkNode[] => [inner('1', null, '1.5'), leaf('1.1', '1', '1'), leaf('1.2', '1', '0.5')];
const codes = (f: Framework) => validateFramework(f).map((e) => e.code);

describe('validateFramework', () => {
  it('accepts a small valid framework', () => {
    expect(validateFramework(fw(base()))).toEqual([]);
  });

  it('reports each problem with a stable code, the node and a Vietnamese message', () => {
    const cases: [string, FrameworkNode[] | Framework][] = [
      [FRAMEWORK_ERRORS.DUPLICATE_CODE, [...base(), leaf('1.2', '1', '0.5')]],
      [FRAMEWORK_ERRORS.BAD_CODE, [inner('1', null, '1.5'), leaf('1.a', '1', '1'), leaf('1.2', '1', '0.5')]],
      [FRAMEWORK_ERRORS.MISSING_PARENT, [...base(), leaf('2.1', '2', '1')]],
      [
        FRAMEWORK_ERRORS.CODE_NOT_UNDER_PARENT,
        [inner('1', null, '1.5'), leaf('1.1', '1', '1'), inner('2', null, '0.5'), leaf('2.1', '1', '0.5')],
      ],
      [FRAMEWORK_ERRORS.CYCLE, [inner('1', null, '0'), inner('1.1', '1.2', '1'), inner('1.2', '1.1', '1')]],
      [FRAMEWORK_ERRORS.ROOT_NOT_FIELD, [...base(), leaf('2.1', null, '1')]],
      [
        FRAMEWORK_ERRORS.LEAF_WITHOUT_SCORING,
        [inner('1', null, '1.5'), inner('1.1', '1', '1'), leaf('1.2', '1', '0.5')],
      ],
      [FRAMEWORK_ERRORS.INNER_WITH_SCORING, [leaf('1', null, '1.5'), leaf('1.1', '1', '1'), leaf('1.2', '1', '0.5')]],
      [FRAMEWORK_ERRORS.BAD_MAX, [inner('1', null, '1.5'), leaf('1.1', '1', '-1'), leaf('1.2', '1', 'abc')]],
      [FRAMEWORK_ERRORS.MAX_MISMATCH, [inner('1', null, '2'), leaf('1.1', '1', '1'), leaf('1.2', '1', '0.5')]],
      [
        FRAMEWORK_ERRORS.BAD_POINTS,
        [
          inner('1', null, '1.5'),
          leaf('1.1', '1', '1', {
            scoring: {
              kind: 'timeliness',
              tiers: [
                { key: 'on_time', label: 'Đúng hạn', points: '2' },
                { key: 'late', label: 'Trễ hạn', points: 'x' },
              ],
            },
          }),
          leaf('1.2', '1', '0.5'),
        ],
      ],
      [
        FRAMEWORK_ERRORS.BAD_SCORING,
        [
          inner('1', null, '1.5'),
          leaf('1.1', '1', '1', { scoring: { kind: 'deduction', perViolation: '0', floor: '0' } }),
          leaf('1.2', '1', '0.5'),
        ],
      ],
      [
        FRAMEWORK_ERRORS.GROUP_NOT_IN_PARENT,
        [
          inner('1', null, '1.5'),
          leaf('1.1', '1', '1', { groups: ['district', 'department'] }),
          leaf('1.2', '1', '0.5'),
        ],
      ],
      [
        FRAMEWORK_ERRORS.BAD_UNIT_GROUP,
        [inner('1', null, '1.5'), leaf('1.1', '1', '1', { groups: ['Tỉnh A' as never] }), leaf('1.2', '1', '0.5')],
      ],
      [
        FRAMEWORK_ERRORS.EMPTY_TITLE,
        [inner('1', null, '1.5'), leaf('1.1', '1', '1', { title: ' ' }), leaf('1.2', '1', '0.5')],
      ],
      [
        FRAMEWORK_ERRORS.DUPLICATE_SURVEY,
        [
          inner('1', null, '2'),
          leaf('1.1', '1', '1', { scoring: { kind: 'survey', source: 'sipas' } }),
          leaf('1.2', '1', '1', { scoring: { kind: 'survey', source: 'sipas' } }),
        ],
      ],
      [FRAMEWORK_ERRORS.EMPTY, []],
      [FRAMEWORK_ERRORS.BAD_NAME, fw(base(), { name: '' })],
      [FRAMEWORK_ERRORS.BAD_YEAR, fw(base(), { year: 23.5 })],
      [FRAMEWORK_ERRORS.NO_FIELDS, fw(base().map((n) => ({ ...n, groups: ['department'] })))],
    ];
    for (const [code, input] of cases) {
      const f = Array.isArray(input) ? fw(input) : input;
      const errors = validateFramework(f);
      const hit = errors.find((e) => e.code === code);
      expect(hit, `${code} in ${JSON.stringify(errors.map((e) => e.code))}`).toBeDefined();
      expect(hit!.message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    }
  });

  it('names the node code in the message and in details', () => {
    const errors = validateFramework(fw([inner('1', null, '2'), leaf('1.1', '1', '1'), leaf('1.2', '1', '0.5')]));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe(FRAMEWORK_ERRORS.MAX_MISMATCH);
    expect(errors[0]!.message).toContain('1');
    expect(errors[0]!.message).toContain('1,5');
    expect(errors[0]!.details?.['node']).toBe('1');
  });

  it('sums only the children that apply to the framework group', () => {
    const nodes = [
      inner('1', null, '1', { groups: ['district', 'department'] }),
      leaf('1.1', '1', '1', { groups: ['district', 'department'] }),
      leaf('1.2', '1', '0.5', { groups: ['department'] }),
    ];
    expect(codes(fw(nodes))).toEqual([]);
    expect(codes(fw(nodes, { group: 'department' }))).toEqual([FRAMEWORK_ERRORS.MAX_MISMATCH]);
  });

  it('checks threshold and tier points against the node maximum', () => {
    const pct: Scoring = {
      kind: 'percentage',
      thresholds: [{ min: '90', inclusive: true, points: '1.5' }],
      otherwise: '0',
    };
    expect(codes(fw([inner('1', null, '1'), leaf('1.1', '1', '1', { scoring: pct })]))).toEqual([
      FRAMEWORK_ERRORS.BAD_POINTS,
    ]);
    const count: Scoring = { kind: 'count', tiers: [{ min: 4, points: '1' }], otherwise: '0' };
    expect(codes(fw([inner('1', null, '1'), leaf('1.1', '1', '1', { scoring: count })]))).toEqual([]);
  });
});
