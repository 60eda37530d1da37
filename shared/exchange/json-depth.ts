/**
 * How deeply a JSON text nests arrays and objects, found by one pass over its characters
 * (strings skipped), before JSON.parse: a value 20,000 levels deep would otherwise overflow
 * the stack of every recursive walk after it (canonical form, hashing, storing).
 */
const JSON_MAX_DEPTH = 64;

/** True when `text` nests deeper than `max`. */
export function jsonTooDeep(text: string, max: number = JSON_MAX_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
