/**
 * One row of the scoring sheet: the cited evidence (file and page) and the declared inputs, read as the scoring
 * kind needs them.
 */

import { INTAKE_ERRORS } from '../../../shared/errors/catalogue.ts';
import type { Rational } from '../../../shared/decimal/rational.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import type { FrameworkNode } from '../../../shared/framework/types.ts';
import { exactDecimalText } from '../../../shared/decimal/text.ts';
import { type Where, cellNumber, cellText, problem } from './cells.ts';
import { COL, HEADERS, SHEET, TICK_MET, TICK_NOT_MET, type ColumnKey, inputColumns } from './layout.ts';
import type { LiteSheet } from './xlsx-lite.ts';

export interface Citation {
  readonly fileName: string;
  readonly page: number | null;
  readonly row: number;
}

const PAGE_RE = /^(.*?)[\s,;]*(?:\((?:tr\.?|trang)\s*(\S+?)\)|(?:tr\.?|trang)\s*(\S+))$/i;

/** "ke-hoach.pdf (tr. 2); bao-cao.pdf" → citations (see README). */
export function parseCitations(text: string, where: Where, problems: CodedError[]): Citation[] {
  const out: Citation[] = [];
  for (const part of text.split(/[;\n]+/)) {
    const t = part.trim();
    if (!t) continue;
    const m = PAGE_RE.exec(t);
    let fileName = t;
    let page: number | null = null;
    if (m?.[1]) {
      const p = (m[2] ?? m[3] ?? '').trim();
      if (!/^[1-9]\d{0,5}$/.test(p)) {
        problems.push(
          problem(
            INTAKE_ERRORS.PAGE,
            where,
            `số trang “${p}” của tài liệu “${m[1].trim()}” không hợp lệ (phải là số nguyên dương).`,
          ),
        );
        continue;
      }
      fileName = m[1].trim();
      page = Number(p);
    }
    out.push({ fileName: fileName.normalize('NFC'), page, row: where.row });
  }
  return out;
}

/** Where a column of a row of the scoring sheet is, for a problem. */
export const whereIn = (row: number, k: ColumnKey): Where => ({
  sheet: SHEET,
  row,
  column: COL[k],
  header: HEADERS[k],
});

export function readInputs(
  ws: LiteSheet,
  row: number,
  node: FrameworkNode,
  problems: CodedError[],
): { input: Record<string, unknown> | null; declared: Record<string, string> | null } {
  const s = node.scoring!;
  const num = (k: ColumnKey): Rational | null | undefined => {
    const v = cellNumber(ws.cell(row, COL[k]));
    if (!v.ok) {
      problems.push(problem(INTAKE_ERRORS.NOT_A_NUMBER, whereIn(row, k), `“${v.text}” không phải là một số.`));
      return undefined;
    }
    return v.value;
  };
  if (s.kind === 'tick' || s.kind === 'timeliness') {
    const t = cellText(ws.cell(row, COL.choice));
    if (!t) return { input: null, declared: null };
    const lower = t.toLocaleLowerCase('vi');
    if (s.kind === 'tick') {
      if (lower === TICK_MET.toLocaleLowerCase('vi')) return { input: { met: true }, declared: null };
      if (lower === TICK_NOT_MET.toLocaleLowerCase('vi')) return { input: { met: false }, declared: null };
      problems.push(
        problem(
          INTAKE_ERRORS.CHOICE_UNKNOWN,
          whereIn(row, 'choice'),
          `“${t}” không phải “${TICK_MET}” hay “${TICK_NOT_MET}”.`,
        ),
      );
      return { input: null, declared: null };
    }
    const tier = s.tiers.find((x) => x.label.toLocaleLowerCase('vi') === lower || x.key === t);
    if (!tier) {
      problems.push(
        problem(
          INTAKE_ERRORS.CHOICE_UNKNOWN,
          whereIn(row, 'choice'),
          `mức “${t}” không có trong hướng dẫn chấm (${s.tiers.map((x) => x.label).join(', ')}).`,
        ),
      );
      return { input: null, declared: null };
    }
    return { input: { tier: tier.key }, declared: null };
  }
  if (s.kind === 'survey') return { input: null, declared: null };
  const a = num('figure1');
  const b = inputColumns(s.kind).includes('figure2') ? num('figure2') : null;
  if (a === undefined || b === undefined) return { input: null, declared: null };
  if (a === null && b === null) return { input: null, declared: null };
  const t = (x: Rational | null) => (x === null ? '' : exactDecimalText(x));
  switch (s.kind) {
    case 'percentage':
      return b === null
        ? { input: { percent: t(a) }, declared: { percent: t(a) } }
        : { input: { a: t(a), b: t(b) }, declared: { a: t(a), b: t(b) } };
    case 'proportional':
      return { input: { a: t(a), b: t(b) }, declared: { a: t(a), b: t(b) } };
    case 'previous_year_delta':
      return {
        input: { previousIndex: t(a), earlierIndex: t(b) },
        declared: { previousIndex: t(a), earlierIndex: t(b) },
      };
    case 'count':
      return { input: { count: t(a) }, declared: { count: t(a) } };
    case 'deduction':
      return { input: { violations: t(a) }, declared: { violations: t(a) } };
  }
}

/** The column of an input field named by a scoring error (details.field). */
export function fieldColumn(kind: string, field: unknown): ColumnKey {
  if (field === 'met' || field === 'tier') return 'choice';
  if (field === 'b' || field === 'earlierIndex') return 'figure2';
  void kind;
  return 'figure1';
}
