import { describe, expect, it } from 'vitest';
import { type ProgressLeaf, myProgress } from '../../shared/scoring/progress.ts';

const leaf = (field: string, extra: Partial<ProgressLeaf> = {}): ProgressLeaf => ({
  field,
  survey: false,
  own: null,
  path: [null],
  appraisedByMe: false,
  ...extra,
});

describe('one counting rule for a member’s progress (home and dossier)', () => {
  it('counts my fields only, leaves surveys out, and takes out proposed or approved lowered benchmarks (not rejected ones)', () => {
    const leaves = [
      leaf('1', { appraisedByMe: true }),
      leaf('1'),
      leaf('1', { own: 'proposed', path: ['proposed'] }),
      leaf('1', { own: 'rejected', path: ['rejected'], appraisedByMe: true }),
      leaf('1', { path: [null, 'approved'] }), // an ancestor's lowered benchmark
      leaf('2', { appraisedByMe: true }), // not my field
      leaf('8', { survey: true }),
    ];
    expect(myProgress(leaves, new Set(['1', '8']))).toEqual({ appraised: 2, total: 3, exemptions: 1 });
    expect(myProgress(leaves, new Set())).toEqual({ appraised: 0, total: 0, exemptions: 0 });
  });
});
