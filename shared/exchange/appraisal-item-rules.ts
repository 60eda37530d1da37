/**
 * The text rules of an appraisal package's fields (used by the zod schemas of
 * appraisal-package.ts) and isPlainValidItem: the whole of AppraisalItem's rules written
 * out by hand, to check a package's items fast. It must never pass an item the schema
 * refuses (test/exchange/item-rules.test.ts checks this on random and mutated items);
 * an item it does not pass goes through the schema, which names the problem.
 */
export const HEX64_RE = /^[0-9a-f]{64}$/;
export const ID_RE = /^[^\u0000-\u001f]+$/;
export const NODE_CODE_RE = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;
export const RATIONAL_RE = /^-?(0|[1-9]\d{0,39})(\/[1-9]\d{0,39})?$/;
export const INPUT_KEY_RE = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
export const ISO_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/** A date and time that exist: "2024-13-45T99:99:99Z" has the shape but not the calendar. */
export function isRealIsoTime(text: string): boolean {
  const m = ISO_TIME_RE.exec(text);
  if (!m) return false;
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  const leap = (y! % 4 === 0 && y! % 100 !== 0) || y! % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo! - 1];
  const offsetOk = m[8] === 'Z' || (Number(m[9]) <= 14 && Number(m[10]) <= 59);
  return days !== undefined && d! >= 1 && d! <= days && h! <= 23 && mi! <= 59 && sec! <= 59 && offsetOk;
}

type Obj = Record<string, unknown>;

/** A plain object with exactly these own members. */
function exactly(v: unknown, names: readonly string[]): v is Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const own = Object.keys(v);
  return own.length === names.length && names.every((n) => Object.hasOwn(v, n));
}

const text = (v: unknown, max: number, re?: RegExp): v is string =>
  typeof v === 'string' && v.length <= max && (re === undefined || re.test(v));

const ITEM = ['unitId', 'nodeCode', 'input', 'score', 'comment', 'evidence', 'exemption', 'updatedAt'];
const EVIDENCE = ['sha256', 'page', 'title', 'fileName'];
const EXEMPTION = ['reason', 'legalBasis'];
/** Times already found real (packages repeat the same few save times). */
const realTimes = new Set<string>();

function inputOk(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const names = Object.keys(v);
  if (names.length > 8) return false;
  for (const n of names) {
    if (!INPUT_KEY_RE.test(n)) return false;
    const x = (v as Obj)[n];
    if (!(typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x)) || text(x, 100))) return false;
  }
  return true;
}

function evidenceOk(v: unknown): boolean {
  if (!exactly(v, EVIDENCE)) return false;
  const page = v['page'];
  return (
    text(v['sha256'], 64, HEX64_RE) &&
    (page === null || (typeof page === 'number' && Number.isSafeInteger(page) && page >= 1 && page <= 100_000)) &&
    text(v['title'], 300) &&
    text(v['fileName'], 255)
  );
}

/** True only for an item AppraisalItem accepts (false says nothing: ask the schema). */
export function isPlainValidItem(v: unknown): boolean {
  if (!exactly(v, ITEM)) return false;
  const { unitId, nodeCode, input, score, comment, evidence, exemption, updatedAt } = v;
  if (!(text(unitId, 80, ID_RE) && unitId.length >= 1 && text(nodeCode, 40, NODE_CODE_RE))) return false;
  if ((input === null) !== (score === null)) return false;
  if (input !== null && !inputOk(input)) return false;
  if (score !== null && !text(score, 90, RATIONAL_RE)) return false;
  if (!text(comment, 2000)) return false;
  if (!Array.isArray(evidence) || evidence.length > 50 || !evidence.every(evidenceOk)) return false;
  if (exemption !== null) {
    if (!exactly(exemption, EXEMPTION)) return false;
    const { reason, legalBasis } = exemption;
    if (!(text(reason, 1000) && reason.trim().length > 0 && text(legalBasis, 500))) return false;
  }
  if (!text(updatedAt, 40)) return false;
  if (!realTimes.has(updatedAt)) {
    if (!isRealIsoTime(updatedAt)) return false;
    if (realTimes.size > 10_000) realTimes.clear();
    realTimes.add(updatedAt);
  }
  return true;
}
