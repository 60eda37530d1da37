/** planMerge, pure: snapshots, provenance, conflicts, decisions that stand or lapse, exemptions, conflicts of interest. */
import { describe, expect, it } from 'vitest';
import type { AppraisalItem } from '../../shared/exchange/appraisal-package.ts';
import {
  type FinalScoreData,
  type MergeLocal,
  type StoredItem,
  basisOf,
  itemKey,
  planMerge,
} from '../../shared/exchange/merge.ts';

const T = '2024-01-01T00:00:00.000Z';
const item = (
  unitId: string,
  nodeCode: string,
  met: boolean | null,
  extra: Partial<AppraisalItem> = {},
): AppraisalItem => ({
  unitId,
  nodeCode,
  input: met === null ? null : { met },
  score: met === null ? null : met ? '1' : '0',
  comment: '',
  evidence: [],
  exemption: null,
  updatedAt: T,
  ...extra,
});
const stored = (i: AppraisalItem, packageHash: string): StoredItem => ({ ...i, packageHash });

function local(over: Partial<MergeLocal> = {}): MergeLocal {
  return {
    mine: [],
    myConflicts: [],
    others: [],
    assignments: { m1: ['1'], m2: ['1'], m3: ['2'] },
    conflictsOfInterest: [],
    fieldOf: { [itemKey('u1', '1.1')]: '1', [itemKey('u1', '1.2')]: '1', [itemKey('u2', '1.1')]: '1' },
    groupOf: { u1: 'department', u2: 'commune' },
    finals: [],
    exemptions: [],
    ...over,
  };
}
const incoming = (items: AppraisalItem[], extra = {}) => ({
  memberId: 'm1',
  packageHash: 'P2',
  at: T,
  items,
  conflictsOfInterest: [],
  ...extra,
});
const final = (score: string, over: Partial<FinalScoreData> = {}): FinalScoreData => ({
  unitId: 'u1',
  nodeCode: '1.1',
  input: { met: score === '1' },
  score,
  sourceMember: 'm2',
  packageHash: 'Q1',
  decidedBy: null,
  reason: null,
  basis: null,
  updatedAt: T,
  ...over,
});

describe('planMerge', () => {
  it('a first package: every item new, each score final with its provenance', () => {
    const plan = planMerge(
      local(),
      incoming([item('u1', '1.1', true), item('u1', '1.2', null, { comment: 'Chưa đủ hồ sơ' })]),
    );
    expect(plan.added).toHaveLength(2);
    expect(plan.finals.upsert).toEqual([
      expect.objectContaining({
        unitId: 'u1',
        nodeCode: '1.1',
        score: '1',
        sourceMember: 'm1',
        packageHash: 'P2',
        decidedBy: null,
      }),
    ]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.empty).toBe(false);
  });

  it('the same snapshot again changes nothing (a newer save time alone is no change)', () => {
    const i = item('u1', '1.1', true);
    const plan = planMerge(
      local({ mine: [stored(i, 'P1')], finals: [final('1', { sourceMember: 'm1', packageHash: 'P1' })] }),
      incoming([{ ...i, updatedAt: '2024-02-01T00:00:00Z' }]),
    );
    expect(plan).toMatchObject({
      unchanged: 1,
      added: [],
      changed: [],
      removed: [],
      finals: { upsert: [], remove: [] },
      empty: true,
    });
  });

  it('an item left out is withdrawn and its final score goes with it', () => {
    const i = item('u1', '1.1', true);
    const plan = planMerge(
      local({ mine: [stored(i, 'P1')], finals: [final('1', { sourceMember: 'm1', packageHash: 'P1' })] }),
      incoming([]),
    );
    expect(plan.removed).toEqual([stored(i, 'P1')]);
    expect(plan.finals.remove).toHaveLength(1);
  });

  it('agreeing members keep the existing provenance; a disagreement opens a conflict and drops the final score', () => {
    const others = [
      { memberId: 'm2', unitId: 'u1', nodeCode: '1.1', input: { met: true }, score: '1', packageHash: 'Q1' },
    ];
    const agree = planMerge(local({ others, finals: [final('1')] }), incoming([item('u1', '1.1', true)]));
    expect(agree.finals).toEqual({ upsert: [], remove: [] });
    expect(agree.conflicts).toEqual([]);

    const disagree = planMerge(local({ others, finals: [final('1')] }), incoming([item('u1', '1.1', false)]));
    expect(disagree.finals.remove).toHaveLength(1);
    expect(disagree.conflicts).toEqual([
      expect.objectContaining({ unitId: 'u1', nodeCode: '1.1', status: 'open', isNew: true }),
    ]);
  });

  it('a secretariat decision stands while its basis holds and lapses when a member changes his score', () => {
    const others = [
      { memberId: 'm2', unitId: 'u1', nodeCode: '1.1', input: { met: true }, score: '1', packageHash: 'Q1' },
    ];
    const mine = [stored(item('u1', '1.1', false), 'P1')];
    const basis = basisOf([
      { memberId: 'm1', score: '0', input: null, packageHash: null },
      { memberId: 'm2', score: '1', input: null, packageHash: null },
    ]);
    expect(basis).toBe('m1=0;m2=1');
    const decided = final('1', { decidedBy: 'sec', reason: 'Hội đồng chọn', basis });
    const same = planMerge(
      local({ mine, others, finals: [decided] }),
      incoming([item('u1', '1.1', false, { comment: 'giữ nguyên ý kiến' })]),
    );
    expect(same.finals).toEqual({ upsert: [], remove: [] });
    expect(same.conflicts).toEqual([expect.objectContaining({ status: 'resolved', isNew: false })]);

    const lapsed = planMerge(local({ mine, others, finals: [decided] }), incoming([item('u1', '1.1', true)]));
    expect(lapsed.finals.upsert).toEqual([expect.objectContaining({ score: '1', decidedBy: null })]); // now they agree
  });

  it('takes no score from a member with a conflict of interest, nor from one not assigned to the field', () => {
    const others = [
      { memberId: 'm2', unitId: 'u1', nodeCode: '1.1', input: { met: false }, score: '0', packageHash: 'Q1' },
      { memberId: 'm3', unitId: 'u1', nodeCode: '1.1', input: { met: false }, score: '0', packageHash: 'R1' },
    ];
    const plan = planMerge(
      local({ others, conflictsOfInterest: [{ memberId: 'm2', unitId: 'u1' }] }),
      incoming([item('u1', '1.1', true)]),
    );
    expect(plan.conflicts).toEqual([]);
    expect(plan.finals.upsert).toEqual([expect.objectContaining({ score: '1', sourceMember: 'm1' })]);
  });

  it('exemption proposals: new ones proposed, withdrawn ones removed while undecided, a decided one kept unless reworded', () => {
    const ex = { reason: 'Không có nhiệm vụ', legalBasis: 'QĐ 1' };
    const proposed = planMerge(local(), incoming([item('u1', '1.2', null, { exemption: ex })]));
    expect(proposed.exemptions.upsert).toEqual([
      expect.objectContaining({
        unitId: 'u1',
        nodeCode: '1.2',
        status: 'proposed',
        proposedBy: 'm1',
        packageHash: 'P2',
      }),
    ]);

    const row = {
      unitId: 'u1',
      nodeCode: '1.2',
      ...ex,
      proposedBy: 'm1',
      status: 'proposed' as const,
      decidedBy: null,
      decisionReason: null,
      createdAt: T,
      decidedAt: null,
      packageHash: 'P1',
    };
    const mine = [stored(item('u1', '1.2', null, { exemption: ex }), 'P1')];
    expect(planMerge(local({ mine, exemptions: [row] }), incoming([])).exemptions.remove).toHaveLength(1);
    const approved = { ...row, status: 'approved' as const, decidedBy: 'sec' };
    expect(planMerge(local({ mine, exemptions: [approved] }), incoming([])).exemptions).toEqual({
      upsert: [],
      remove: [],
    });
    const reworded = planMerge(
      local({ mine, exemptions: [approved] }),
      incoming([item('u1', '1.2', null, { exemption: { ...ex, legalBasis: 'QĐ 2' } })]),
    );
    expect(reworded.exemptions.upsert).toEqual([
      expect.objectContaining({ status: 'proposed', legalBasis: 'QĐ 2', decidedBy: null }),
    ]);
  });

  it('declarations of conflicts of interest: added, changed, removed', () => {
    const d = { unitId: 'u2', reason: 'Cơ quan của tôi', declaredAt: T };
    const plan = planMerge(
      local({ myConflicts: [{ unitId: 'u1', reason: 'cũ', declaredAt: T }] }),
      incoming([], { conflictsOfInterest: [d] }),
    );
    expect(plan.declarations).toEqual({
      added: [d],
      removed: [{ unitId: 'u1', reason: 'cũ', declaredAt: T }],
      changed: [],
    });
  });
});
