/**
 * A block of scores pasted from Excel or LibreOffice (tab-separated text) into the scoring grid:
 * the text → rows of cells, and each cell's text → the input of its sub-criterion's kind.
 * A score is read the way a member types it: "1"/"0" or "Đạt"/"Không đạt" for a tick, a tier's
 * points or label, "a/b" or "83,5%" for figures, a number for counts and violations.
 * What cannot be read is refused here, with why; the core checks the rest (and refuses more).
 */
import { parseViNumber } from '../../../shared/format/vi.ts';
import type { Scoring } from '../../../shared/framework/types.ts';
import { sameValue } from '../../components/format.ts';
import { vi } from '../../i18n/vi.ts';
import { parseEditText } from './model.ts';

/** Tab-separated text → rows of cell texts (a trailing newline adds no row; quoted cells lose their quotes). */
export function parseClipboard(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t').map((c) => c.replace(/^"(.*)"$/s, '$1').trim()));
}

export type PastedCell =
  | { readonly kind: 'input'; readonly input: unknown }
  | { readonly kind: 'skip' }
  | { readonly kind: 'refused'; readonly message: string };

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
const MET = new Set(['đạt', 'x', 'có', 'yes', 'true']);
const NOT_MET = new Set(['không đạt', 'không', 'no', 'false']);

export function pastedInput(scoring: Scoring, maxPoints: string, text: string): PastedCell {
  const t = text.trim();
  if (t === '') return { kind: 'skip' };
  const B = vi.bulk;
  const num = parseViNumber(t);
  switch (scoring.kind) {
    case 'tick': {
      const f = fold(t);
      if (MET.has(f) || (num !== null && sameValue(num, maxPoints))) return { kind: 'input', input: { met: true } };
      if (NOT_MET.has(f) || (num !== null && sameValue(num, '0'))) return { kind: 'input', input: { met: false } };
      return num !== null
        ? { kind: 'refused', message: B.pasteNoTier(t) }
        : { kind: 'refused', message: B.pasteUnreadable(t) };
    }
    case 'timeliness': {
      const byLabel = scoring.tiers.find((x) => fold(x.label) === fold(t) || x.key === t);
      if (byLabel) return { kind: 'input', input: { tier: byLabel.key } };
      if (num === null) return { kind: 'refused', message: B.pasteUnreadable(t) };
      const byPoints = scoring.tiers.filter((x) => sameValue(x.points, num));
      return byPoints.length === 1
        ? { kind: 'input', input: { tier: byPoints[0]!.key } }
        : { kind: 'refused', message: B.pasteNoTier(t) };
    }
    case 'proportional':
      if (!t.includes('/')) return { kind: 'refused', message: B.pasteNeedsFigures };
      return { kind: 'input', input: parseEditText(scoring, t) };
    case 'percentage':
      if (!t.includes('/') && !t.endsWith('%') && num !== null)
        return { kind: 'input', input: parseEditText(scoring, `${t}%`) };
      return { kind: 'input', input: parseEditText(scoring, t) };
    case 'count':
    case 'deduction':
      return { kind: 'input', input: parseEditText(scoring, t) };
    default:
      return { kind: 'refused', message: B.pasteDossierOnly };
  }
}
