/** A member's field assignments (shared/council/assignment.ts): which field of which group he appraises. */
import { describe, expect, it } from 'vitest';
import { isAssigned } from '../../shared/council/assignment.ts';

describe('isAssigned', () => {
  it('gives a plain field in every group and a group-scoped one in its group only', () => {
    const entries = new Set(['1', 'commune:3']);
    expect(isAssigned(entries, 'commune', '1')).toBe(true);
    expect(isAssigned(entries, 'department', '1')).toBe(true);
    expect(isAssigned(entries, 'commune', '3')).toBe(true);
    expect(isAssigned(entries, 'department', '3')).toBe(false);
    expect(isAssigned(entries, 'commune', '2')).toBe(false);
    expect(isAssigned(entries, '', '3')).toBe(false); // a unit of no known group
    expect(isAssigned(undefined, 'commune', '1')).toBe(false);
    expect(isAssigned(['commune:3'], 'commune', '3')).toBe(true); // any iterable
  });

  it('answers the same for many groups and fields, asked again and again', () => {
    // More pairs than the memo of "group:field" texts keeps: answers never depend on it.
    for (let round = 0; round < 2; round++)
      for (let g = 0; g < 1_200; g++) {
        const group = `g${g}`;
        const entries = new Set([`${group}:${g % 10}`]);
        for (let f = 0; f < 10; f++) expect(isAssigned(entries, group, String(f))).toBe(f === g % 10);
        expect(isAssigned(entries, `g${g + 1}`, String(g % 10))).toBe(false);
      }
  });
});
