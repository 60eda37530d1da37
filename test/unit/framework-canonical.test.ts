import { describe, expect, it } from 'vitest';
import { canonicalFramework, normalizeDecimal, stableStringify } from '../../shared/framework/canonical.ts';
import type { Framework } from '../../shared/framework/types.ts';

const f: Framework = {
  name: 'Thử',
  year: 2023,
  group: 'district',
  sample: true,
  nodes: [
    {
      code: '1',
      parent: null,
      title: 'Lĩnh vực 1',
      maxPoints: '1.5',
      groups: ['district'],
      exemptable: false,
      guide: '',
      evidence: '',
    },
    {
      code: '1.10',
      parent: '1',
      title: 'B',
      maxPoints: '0.5',
      scoring: { kind: 'tick' },
      groups: ['district'],
      exemptable: true,
      guide: 'g',
      evidence: 'e',
    },
    {
      code: '1.2',
      parent: '1',
      title: 'A',
      maxPoints: '1',
      scoring: { kind: 'deduction', perViolation: '0.25', floor: '0' },
      groups: ['district'],
      exemptable: false,
      guide: '',
      evidence: '',
    },
  ],
};

describe('canonicalFramework', () => {
  it('is compact JSON with sorted keys and nodes in code order', () => {
    const c = canonicalFramework(f);
    expect(c).not.toMatch(/\s"|":\s|,\s"/);
    const parsed = JSON.parse(c);
    expect(Object.keys(parsed)).toEqual(['group', 'name', 'nodes', 'sample', 'year']);
    expect(parsed.nodes.map((n: { code: string }) => n.code)).toEqual(['1', '1.2', '1.10']);
    expect(Object.keys(parsed.nodes[1])).toEqual([...Object.keys(parsed.nodes[1])].sort());
  });

  it('does not depend on node order, key order or decimal spelling', () => {
    const shuffled: Framework = {
      nodes: [...f.nodes].reverse().map((n) => Object.fromEntries(Object.entries(n).reverse()) as never),
      sample: true,
      group: 'district',
      year: 2023,
      name: 'Thử',
    };
    expect(canonicalFramework(shuffled)).toBe(canonicalFramework(f));
    const spelled = { ...f, nodes: f.nodes.map((n) => (n.code === '1' ? { ...n, maxPoints: '1.50' } : n)) };
    expect(canonicalFramework(spelled)).toBe(canonicalFramework(f));
  });

  it('changes when a maximum, a title or a scoring parameter changes', () => {
    const c = canonicalFramework(f);
    expect(
      canonicalFramework({ ...f, nodes: f.nodes.map((n) => (n.code === '1.2' ? { ...n, maxPoints: '1.25' } : n)) }),
    ).not.toBe(c);
    expect(
      canonicalFramework({ ...f, nodes: f.nodes.map((n) => (n.code === '1.2' ? { ...n, title: 'A.' } : n)) }),
    ).not.toBe(c);
    expect(
      canonicalFramework({
        ...f,
        nodes: f.nodes.map((n) =>
          n.code === '1.2' ? { ...n, scoring: { kind: 'deduction' as const, perViolation: '0.5', floor: '0' } } : n,
        ),
      }),
    ).not.toBe(c);
  });

  it('ignores properties outside the framework types', () => {
    const extra = { ...f, id: 42, nodes: f.nodes.map((n) => ({ ...n, rowid: 7 })) } as unknown as Framework;
    expect(canonicalFramework(extra)).toBe(canonicalFramework(f));
  });

  it('normalises decimals and stringifies stably', () => {
    expect(normalizeDecimal('01.50')).toBe('1.5');
    expect(normalizeDecimal('0,25')).toBe('0.25');
    expect(normalizeDecimal('-0.0')).toBe('0');
    expect(normalizeDecimal('abc')).toBe('abc');
    expect(stableStringify({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}');
  });
});
