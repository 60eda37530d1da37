/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: object members sorted by
 * the UTF-16 code units of their names, no whitespace, strings and numbers as ECMAScript's
 * JSON.stringify writes them (RFC 8785 §3.2.2). What a signature and an audit hash cover.
 *
 * Fast path: a copy of the value with every object's members inserted in sorted order,
 * written by the engine's JSON.stringify (its strings and numbers are RFC 8785's). Only what
 * is out of order is copied: a parsed package (its text was canonical) is written as it is.
 * An object whose member order the engine would not keep (array-index names such as "10"
 * come first in any JavaScript object; "__proto__"), or with a toJSON method, is written
 * member by member here, its members again by the fast path. test/exchange/jcs.test.ts checks the result against the
 * `canonicalize` package on random values. As in that package: members whose value is
 * undefined (or a symbol or function) are left out, such array elements become null,
 * `toJSON` is honoured, NaN and Infinity throw.
 */
export function canonicalJson(value: unknown): string {
  const text = write(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}

/** Marks a value the engine cannot write in canonical order. */
const UNSAFE = Symbol('unsafe');

function write(v: unknown): string | undefined {
  const copy = sortedCopy(v);
  if (copy !== UNSAFE) return JSON.stringify(copy);
  const json = (v as { toJSON?: unknown }).toJSON;
  if (typeof json === 'function') return write(json.call(v));
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out += ',';
      out += write(v[i]) ?? 'null';
    }
    return `${out}]`;
  }
  const o = v as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const name of Object.keys(o).sort()) {
    const member = write(o[name]);
    if (member === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(name)}:${member}`;
  }
  return `${out}}`;
}

const INDEX = /^(?:0|[1-9]\d{0,9})$/;

/** Names JavaScript objects keep first, in numeric order ("1.2.3", a sub-criterion code, is not one). */
function isArrayIndex(name: string): boolean {
  return INDEX.test(name) && Number(name) < 4_294_967_295;
}

/** An object JSON.stringify writes as its members (not, say, a boxed number). */
function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * The value with every object's members in sorted order: the value itself where its members
 * already are (nothing is copied for a parsed canonical text), a copy where they are not.
 * UNSAFE if the engine could not write it in that order.
 */
function sortedCopy(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError(`${v} is not allowed in JSON`);
    if (typeof v === 'bigint') throw new TypeError('BigInt is not allowed in JSON');
    return v;
  }
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return UNSAFE;
  if (Array.isArray(v)) {
    let a: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const c = sortedCopy(v[i]);
      if (c === UNSAFE) return UNSAFE;
      if (a === undefined && c !== v[i]) a = v.slice(0, i);
      if (a !== undefined) a[i] = c;
    }
    return a ?? v;
  }
  const names = Object.keys(v);
  let same = true;
  for (let i = 1; i < names.length && same; i++) same = names[i - 1]! < names[i]!;
  if (!same) names.sort();
  const members = new Array<unknown>(names.length);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const c = name.charCodeAt(0);
    if ((c >= 48 && c <= 57 && isArrayIndex(name)) || name === '__proto__') return UNSAFE;
    const value = (v as Record<string, unknown>)[name];
    const member = sortedCopy(value);
    if (member === UNSAFE) return UNSAFE;
    members[i] = member;
    if (member !== value) same = false;
  }
  if (same && isPlain(v)) return v;
  const o: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) o[names[i]!] = members[i];
  return o;
}
