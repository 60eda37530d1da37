/**
 * The secretariat's public-key file (identity.pub.json, or the bare base64 key) read in the
 * page: its fingerprint is computed here from the key itself (sha256 of the 32 raw bytes),
 * never taken from the file's own "fingerprint" field.
 */
export async function fingerprintOfKeyText(text: string): Promise<string | null> {
  let key = text.trim();
  if (key.startsWith('{')) {
    try {
      const o = JSON.parse(key) as { publicKey?: unknown };
      key = typeof o.publicKey === 'string' ? o.publicKey : '';
    } catch {
      return null;
    }
  }
  if (!/^[A-Za-z0-9+/]{43}=$/.test(key)) return null;
  const raw = Uint8Array.from(atob(key), (c) => c.charCodeAt(0));
  if (raw.length !== 32) return null;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
