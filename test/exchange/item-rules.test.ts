/**
 * The hand-written check of a package's items (shared/exchange/appraisal-item-rules.ts)
 * never passes an item the zod schema refuses: random items, each mutated in one place with
 * a value from a list of wrong ones (types, lengths, patterns, impossible times, extra and
 * missing members, lone NaN-like numbers), are put to both. A valid item passes the fast
 * check (so packages take the fast path), and a payload with bad items still names each
 * problem by its path, as the schema alone did.
 */
import { describe, expect, it } from 'vitest';
import { isPlainValidItem } from '../../shared/exchange/appraisal-item-rules.ts';
import { AppraisalItem, AppraisalPayload, describeIssues } from '../../shared/exchange/appraisal-package.ts';
import { prng } from '../../tools/prng.ts';

type Item = Record<string, unknown>;

function validItem(rand: () => number, i: number): Item {
  const scored = rand() < 0.85;
  const inputs = [{ met: true }, { tier: 'partial' }, { a: 3, b: 4 }, { percent: 87.5 }, { note: 'đạt', n: 0 }];
  return {
    unitId: `xa-${i}`,
    nodeCode: `${1 + (i % 8)}.${1 + (i % 5)}${rand() < 0.5 ? '.2' : ''}`,
    input: scored ? inputs[i % inputs.length] : null,
    score: scored ? ['0', '1', '3/4', '-1', '25/2'][i % 5] : null,
    comment: rand() < 0.3 ? 'Có văn bản, chưa đủ minh chứng' : '',
    evidence:
      rand() < 0.5
        ? [{ sha256: 'ab'.repeat(32), page: rand() < 0.5 ? null : 3, title: 'Quyết định', fileName: 'qd.pdf' }]
        : [],
    exemption: rand() < 0.1 ? { reason: 'Không phát sinh', legalBasis: 'Công văn 1' } : null,
    updatedAt: ['2024-03-01T08:00:00.000Z', '2026-12-05T23:59:59+07:00', '2024-02-29T00:00:00Z'][i % 3],
  };
}

const long = (n: number) => 'x'.repeat(n);
const WRONG: Record<string, unknown[]> = {
  unitId: ['', long(81), 'a\u0001b', 3, null, undefined],
  nodeCode: ['1..2', '', long(41), '1.2 ', 12, null],
  input: [
    [],
    'met',
    { '1a': true },
    { a: { b: 1 } },
    { a: Number.NaN },
    { a: Number.POSITIVE_INFINITY },
    { a: long(101) },
    Object.fromEntries(Array.from({ length: 9 }, (_, k) => [`k${k}`, 1])),
    { __proto__: null, _x: 1 },
  ],
  score: ['1.5', '01', '1/0', 'x', 3, long(91)],
  comment: [long(2001), 5, null],
  evidence: [
    null,
    {},
    [{}],
    Array.from({ length: 51 }, () => ({ sha256: 'ab'.repeat(32), page: null, title: '', fileName: '' })),
    [{ sha256: 'AB'.repeat(32), page: null, title: '', fileName: '' }],
    [{ sha256: 'ab'.repeat(32), page: 0, title: '', fileName: '' }],
    [{ sha256: 'ab'.repeat(32), page: 1.5, title: '', fileName: '' }],
    [{ sha256: 'ab'.repeat(32), page: 100_001, title: '', fileName: '' }],
    [{ sha256: 'ab'.repeat(32), page: 1, title: long(301), fileName: '' }],
    [{ sha256: 'ab'.repeat(32), page: 1, title: '', fileName: long(256), extra: 1 }],
  ],
  exemption: [
    { reason: '  ', legalBasis: '' },
    { reason: 'a' },
    { reason: 'a', legalBasis: long(501) },
    { reason: long(1001), legalBasis: '' },
    'x',
    [],
  ],
  updatedAt: [
    '2024-02-30T08:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-03-01T24:00:00Z',
    '2024-03-01 08:00:00Z',
    '2024-03-01T08:00:00+15:00',
    long(41),
    1,
  ],
};

describe('the fast check of appraisal items', () => {
  it('passes valid items, which the schema accepts too', () => {
    const rand = prng(2025);
    for (let i = 0; i < 2000; i++) {
      const item = validItem(rand, i);
      expect(isPlainValidItem(item), JSON.stringify(item)).toBe(true);
      expect(AppraisalItem.safeParse(item).success).toBe(true);
    }
  });

  it('never passes an item the schema refuses (every wrong value, extra and missing members)', () => {
    const rand = prng(11);
    let refused = 0;
    for (let i = 0; i < 400; i++) {
      const base = validItem(rand, i);
      const variants: Item[] = [];
      for (const [name, values] of Object.entries(WRONG)) for (const v of values) variants.push({ ...base, [name]: v });
      for (const name of Object.keys(base)) {
        const { [name]: _, ...rest } = base;
        variants.push(rest);
      }
      variants.push({ ...base, extra: 1 }, { ...base, input: null }, { ...base, score: null });
      for (const v of variants) {
        const fast = isPlainValidItem(v);
        const schema = AppraisalItem.safeParse(v).success;
        if (fast) expect(schema, JSON.stringify(v)).toBe(true);
        if (!schema) refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(400 * 40);
  });

  it('names each bad item of a payload by its path, as the schema does', () => {
    const rand = prng(3);
    const items: Item[] = Array.from({ length: 6 }, (_, i) => ({ ...validItem(rand, i), unitId: `u${i}` }));
    items[2] = { ...items[2]!, score: '1.5' };
    items[4] = { ...items[4]!, updatedAt: '2024-02-30T08:00:00Z' };
    items[5] = { ...items[5]!, extra: true };
    const r = AppraisalPayload.safeParse({
      format: 'cchc-appraisal',
      version: 1,
      cycleId: 'c',
      frameworks: {},
      member: { id: 'm', name: 'Thành viên' },
      keyFingerprint: 'a'.repeat(64),
      scope: { fields: ['1'] },
      sequence: 1,
      previousPackageHash: null,
      createdAt: '2024-03-01T08:00:00.000Z',
      appraisals: items,
      conflictsOfInterest: [],
    });
    expect(r.success).toBe(false);
    expect(describeIssues(r.error!.issues, 10)).toBe(
      'appraisals[2].score: điểm dạng phân số "n/d"; appraisals[4].updatedAt: thời điểm không có thật (tháng, ngày, giờ, phút hoặc giây ngoài giới hạn); appraisals[5]: Unrecognized key: "extra"',
    );
  });
});
