/** SQLite's order of text (BINARY collation: UTF-8 bytes), for rows kept in memory in the order a query returns them. */
const SURROGATE = /[\ud800-\udfff]/;

/** a < b in SQLite's order of text; JavaScript's order of UTF-16 units differs only around surrogates. */
export function textBefore(a: string, b: string): boolean {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')) < 0;
}
