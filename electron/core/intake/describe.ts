/** A unit's entry in words, for the preview and the round-2 comparison ("Đạt", "a = 12; b = 15"). */
import type { Rational } from '../../../shared/decimal/rational.ts';
import { viDecimalText } from '../../../shared/format/vi.ts';
import type { FrameworkNode } from '../../../shared/framework/types.ts';
import { TICK_MET, TICK_NOT_MET } from './layout.ts';
import { exactDecimalText } from '../../../shared/decimal/text.ts';

const num = (v: unknown) => viDecimalText(String(v));

export function describeInput(node: FrameworkNode, input: unknown): string {
  if (input === null || input === undefined || typeof input !== 'object') return '';
  const o = input as Record<string, unknown>;
  const s = node.scoring;
  if (!s) return '';
  switch (s.kind) {
    case 'tick':
      return o['met'] === true ? TICK_MET : o['met'] === false ? TICK_NOT_MET : '';
    case 'timeliness':
      return s.tiers.find((t) => t.key === o['tier'])?.label ?? String(o['tier'] ?? '');
    case 'percentage':
      return o['percent'] !== undefined ? `${num(o['percent'])}%` : `a = ${num(o['a'])}; b = ${num(o['b'])}`;
    case 'proportional':
      return `a = ${num(o['a'])}; b = ${num(o['b'])}`;
    case 'count':
      return `số lượng = ${num(o['count'])}`;
    case 'deduction':
      return `vi phạm = ${num(o['violations'])}`;
    case 'previous_year_delta':
      return `năm trước ${num(o['previousIndex'])}%; năm liền kề trước đó ${num(o['earlierIndex'])}%`;
    case 'survey':
      return o['points'] !== undefined ? num(o['points']) : '';
  }
}

export const pointsText = (r: Rational | null): string | null => (r === null ? null : exactDecimalText(r));
