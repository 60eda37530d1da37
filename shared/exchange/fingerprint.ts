/**
 * Key fingerprints as people compare them. A fingerprint is the sha256 (64 lowercase hex
 * digits) of the raw 32-byte Ed25519 public key (hashing happens in electron/core/exchange/keys.ts).
 * Shown as its first 128 bits in 8 groups of 4 uppercase hex digits, read aloud group by
 * group: "3F9A 01C2 7B44 E0D1 9A2F 55C8 0B7E D3A6".
 */
const FINGERPRINT_RE = /^[0-9a-f]{64}$/;

export function isFingerprint(v: unknown): v is string {
  return typeof v === 'string' && FINGERPRINT_RE.test(v);
}

/** "3F9A 01C2 7B44 E0D1 9A2F 55C8 0B7E D3A6" from the 64-hex fingerprint. */
export function formatFingerprint(hex: string): string {
  const h = hex.toUpperCase().slice(0, 32);
  const groups: string[] = [];
  for (let i = 0; i < h.length; i += 4) groups.push(h.slice(i, i + 4));
  return groups.join(' ');
}

/** What a person typed (any case, spaces or dashes) reduced to hex digits, or null when it is not hex. */
export function normaliseTypedFingerprint(text: string): string | null {
  const t = text.replace(/[\s\-:]/g, '').toLowerCase();
  return /^[0-9a-f]{8,64}$/.test(t) ? t : null;
}

/**
 * Does a typed fingerprint (the 32 displayed digits, or all 64) name this key?
 * Fewer than the 32 displayed digits never matches.
 */
export function fingerprintMatches(fingerprint: string, typed: string): boolean {
  const t = normaliseTypedFingerprint(typed);
  return t !== null && t.length >= 32 && fingerprint.startsWith(t);
}
