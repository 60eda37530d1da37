/**
 * Pure helpers of the appraisal screens: which control a scoring kind needs, how typed
 * figures become an input, the score computed locally (the core stays the authority),
 * and how a unit's self-assessment is described.
 */
import type { DossierNode } from '../../../shared/contract/dossier.ts';
import type { Rational } from '../../../shared/decimal/rational.ts';
import type { Result } from '../../../shared/errors/codes.ts';
import type { Scoring } from '../../../shared/framework/types.ts';
import { parseViNumber, viDecimalText } from '../../../shared/format/vi.ts';
import { scoreNode } from '../../../shared/scoring/score.ts';
import { pts, sameValue } from '../../components/format.ts';
import { vi } from '../../i18n/vi.ts';

export interface FigureField {
  readonly key: string;
  readonly label: string;
  /** Counts of things: "1.632" is read as one thousand six hundred thirty-two. */
  readonly count: boolean;
}

export type Control =
  | { readonly type: 'tick' }
  | { readonly type: 'tiers'; readonly tiers: readonly { key: string; label: string; points: string }[] }
  | { readonly type: 'figures'; readonly fields: readonly FigureField[] }
  | { readonly type: 'none' };

const A: FigureField = { key: 'a', label: vi.dossier.detail.a, count: true };
const B: FigureField = { key: 'b', label: vi.dossier.detail.b, count: true };

export function controlOf(scoring: Scoring | null): Control {
  switch (scoring?.kind) {
    case 'tick':
      return { type: 'tick' };
    case 'timeliness':
      return { type: 'tiers', tiers: scoring.tiers };
    case 'percentage':
    case 'proportional':
      return { type: 'figures', fields: [A, B] };
    case 'count':
      return { type: 'figures', fields: [{ key: 'count', label: vi.dossier.detail.count, count: true }] };
    case 'deduction':
      return { type: 'figures', fields: [{ key: 'violations', label: vi.dossier.detail.violations, count: true }] };
    case 'previous_year_delta':
      return {
        type: 'figures',
        fields: [
          { key: 'previousIndex', label: vi.dossier.detail.previousIndex, count: false },
          { key: 'earlierIndex', label: vi.dossier.detail.earlierIndex, count: false },
        ],
      };
    default:
      return { type: 'none' };
  }
}

/** Typed text → plain decimal text for the core ("1.632" → "1632" for counts, "83,84" → "83.84"); raw when unreadable. */
export function normaliseFigure(text: string, count: boolean): string {
  const t = text.trim().replace(/[\s\u00a0]/g, '');
  if (count && /^\d{1,3}(\.\d{3})+$/.test(t)) return t.replace(/\./g, '');
  return parseViNumber(t) ?? t;
}

/** A value of an input as the text a member would type ("1632" → "1632", "83.84" → "83,84"). */
export function figureText(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /^-?\d+(\.\d+)?$/.test(s) ? viDecimalText(s) : s;
}

/** The input for typed figures: null while nothing is typed; `complete` when every field has text. */
export function figuresInput(
  fields: readonly FigureField[],
  texts: Readonly<Record<string, string>>,
): { input: Record<string, string> | null; complete: boolean } {
  const input: Record<string, string> = {};
  let any = false;
  let complete = true;
  for (const f of fields) {
    const t = (texts[f.key] ?? '').trim();
    if (t) any = true;
    else complete = false;
    input[f.key] = t ? normaliseFigure(t, f.count) : '';
  }
  return { input: any ? input : null, complete };
}

/** The score of an input, computed here while typing (scoreNode is the core's own pure function). */
export function localScore(node: Pick<DossierNode, 'scoring' | 'maxPoints'>, input: unknown): Result<Rational> | null {
  if (!node.scoring || input === null || input === undefined) return null;
  return scoreNode(node.scoring, node.maxPoints, input);
}

/** How the unit's (or my) input reads: "Đạt", "Trễ hạn", "1.632/3.200", "3 vi phạm". */
export function describeInput(scoring: Scoring | null, input: unknown): string {
  if (!scoring || typeof input !== 'object' || input === null) return '';
  const o = input as Record<string, unknown>;
  const num = (v: unknown) => figureText(v).replace(/^(\d+)$/, (d) => viDecimalText(d));
  switch (scoring.kind) {
    case 'tick':
      return o['met'] === true ? vi.dossier.detail.met : o['met'] === false ? vi.dossier.detail.notMet : '';
    case 'timeliness':
      return scoring.tiers.find((t) => t.key === o['tier'])?.label ?? String(o['tier'] ?? '');
    case 'percentage':
      if (o['percent'] !== undefined) return `${num(o['percent'])}%`;
      return o['a'] !== undefined ? `${num(o['a'])}/${num(o['b'])}` : '';
    case 'proportional':
      return o['a'] !== undefined ? `${num(o['a'])}/${num(o['b'])}` : '';
    case 'count':
      return o['count'] !== undefined ? `${vi.dossier.detail.count}: ${num(o['count'])}` : '';
    case 'deduction':
      return o['violations'] !== undefined ? `${vi.dossier.detail.violations}: ${num(o['violations'])}` : '';
    case 'previous_year_delta':
      return o['previousIndex'] !== undefined ? `${num(o['previousIndex'])}% / ${num(o['earlierIndex'])}%` : '';
    case 'survey':
      return o['points'] !== undefined ? num(o['points']) : '';
  }
}

/** The unit's last self-score (round 2, else round 1). */
export function selfScore(node: DossierNode): string | null {
  return node.round2?.score ?? node.round1?.score ?? null;
}

export function selfInput(node: DossierNode): unknown {
  return node.round2?.input ?? node.round1?.input ?? null;
}

/** Round 2 differs from round 1. */
export function selfChanged(node: DossierNode): boolean {
  return !!node.round1 && !!node.round2 && !sameValue(node.round1.score, node.round2.score);
}

/** My score differs from the unit's self-score. */
export function differsFromSelf(mine: string | null | undefined, self: string | null | undefined): boolean {
  return mine !== null && mine !== undefined && self !== null && self !== undefined && !sameValue(mine, self);
}

/** The tier a digit picks: 1 = the first tier…; for a tick, 1 = met and 0 (or 2) = not met. */
export function inputForDigit(scoring: Scoring | null, digit: number): unknown | null {
  if (scoring?.kind === 'tick') return digit === 1 ? { met: true } : digit === 0 || digit === 2 ? { met: false } : null;
  if (scoring?.kind === 'timeliness') {
    const t = scoring.tiers[digit - 1];
    return t ? { tier: t.key } : null;
  }
  return null;
}

/** Space on a tick: not yet ticked or not met → met; met → not met. */
export function toggledTick(current: unknown): { met: boolean } {
  const met = typeof current === 'object' && current !== null && (current as { met?: unknown }).met === true;
  return { met: !met };
}

/** Rules of a kind as short lines ("từ 90% → 2 điểm", "còn lại → 0 điểm"). */
export function ruleLines(scoring: Scoring | null): string[] {
  const d = vi.dossier.detail;
  switch (scoring?.kind) {
    case 'timeliness':
      return scoring.tiers.map((t) => `${t.label} → ${d.points(pts(t.points))}`);
    case 'percentage':
      return [
        ...scoring.thresholds.map((t) => d.percentRule(pts(t.min), t.inclusive, pts(t.points))),
        d.otherwise(pts(scoring.otherwise)),
      ];
    case 'count':
      return [...scoring.tiers.map((t) => d.countRule(t.min, pts(t.points))), d.otherwise(pts(scoring.otherwise))];
    case 'deduction':
      return [d.perViolation(pts(scoring.perViolation), pts(scoring.floor))];
    case 'previous_year_delta':
      return [
        ...scoring.tiers.map((t) => d.deltaRule(pts(t.minDelta), t.inclusive, pts(t.points))),
        d.otherwise(pts(scoring.otherwise)),
      ];
    default:
      return [];
  }
}

/** Codes of the node and its ancestors, nearest first. */
export function ancestorsOf(byCode: ReadonlyMap<string, DossierNode>, code: string): DossierNode[] {
  const out: DossierNode[] = [];
  for (let n = byCode.get(code); n; n = n.parent ? byCode.get(n.parent) : undefined) out.push(n);
  return out;
}

/** The exempted node covering `code` (itself or an ancestor), if any. */
export function exemptedBy(byCode: ReadonlyMap<string, DossierNode>, code: string): DossierNode | null {
  return ancestorsOf(byCode, code).find((n) => n.exemption) ?? null;
}
