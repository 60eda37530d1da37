/**
 * One CSV field (RFC 4180), safe to open in a spreadsheet program. OWASP's rule against
 * formula injection: a text cell that begins with = + - @ a tab or a carriage return is
 * prefixed with a single quote, so that "=HYPERLINK(…)" or "=cmd|' /C calc'!A0" is shown as
 * text and never evaluated. A plain number ("-1", "83.84") is not a formula and stays as is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : neutraliseFormula(String(v));
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
