/**
 * Forging packages as an attacker would: take a real cycle package's content, change it,
 * and sign it again with any key (the signature is then valid; what the store must refuse
 * is what the content asks of it).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { verifyCyclePackage } from '../../electron/core/exchange/cycle-verify.ts';
import type { Signer } from '../../electron/core/exchange/keys.ts';
import { sha256Hex } from '../../electron/core/exchange/keys.ts';
import { canonicalJson } from '../../shared/exchange/jcs.ts';
import { TarWriter } from '../../electron/core/exchange/tar.ts';
import { evidencePath } from '../../electron/core/evidence/files.ts';
import type { CycleContent } from '../../shared/exchange/cycle-package.ts';
import { CYCLE_MANIFEST_FORMAT, CYCLE_VERSION } from '../../shared/exchange/cycle-package.ts';

type Mutable<T> = {
  -readonly [K in keyof T]: T[K] extends readonly (infer U)[]
    ? Mutable<U>[]
    : T[K] extends object
      ? Mutable<T[K]>
      : T[K];
};
export type ForgedContent = Mutable<CycleContent>;

/** A placeholder string that `forgeCyclePackage` replaces by a JSON value `depth` levels deep. */
export const DEEP = '__DEEP_JSON__';

/**
 * Writes `out`: the content of `from` changed by `mutate`, signed by `signer`. Evidence files
 * are taken from `evidenceDir`'s store. `raw` may rewrite the cycle.json text last.
 */
export function forgeCyclePackage(
  from: string,
  evidenceDir: string,
  signer: Signer,
  out: string,
  mutate: (c: ForgedContent) => void,
  options: { issuedAt?: string; raw?: (text: string) => string } = {},
): string {
  const c = structuredClone(verifyCyclePackage(from).content) as ForgedContent;
  mutate(c);
  let text = canonicalJson(c);
  if (options.raw) text = options.raw(text);
  const content = Buffer.from(text, 'utf8');
  // evidence files the store holds (a mutated hash names none: it is left out of the manifest)
  const evidence = [...new Set((Array.isArray(c.evidence) ? c.evidence : []).map((e) => e?.sha256))].filter(
    (sha): sha is string =>
      typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha) && existsSync(evidencePath(evidenceDir, sha)),
  );
  const entries = [
    { path: 'cycle.json', size: content.length, sha256: sha256Hex(content) },
    ...evidence.map((sha) => ({
      path: `evidence/${sha}`,
      size: statSync(evidencePath(evidenceDir, sha)).size,
      sha256: sha,
    })),
  ];
  const manifest = {
    format: CYCLE_MANIFEST_FORMAT,
    version: CYCLE_VERSION,
    cycleId: (c.cycle as { id?: unknown } | null)?.id ?? 'x',
    revision: c.revision,
    issuedAt: options.issuedAt ?? c.issuedAt,
    signer: { publicKey: signer.publicKey, fingerprint: signer.fingerprint },
    entries,
  };
  const manifestBytes = Buffer.from(canonicalJson(manifest), 'utf8');
  const sig = {
    algorithm: 'Ed25519',
    publicKey: signer.publicKey,
    value: signer.sign(manifestBytes).toString('base64'),
  };
  const w = new TarWriter(out, 1_700_000_000);
  w.add('manifest.json', manifestBytes);
  w.add('manifest.sig', Buffer.from(canonicalJson(sig), 'utf8'));
  w.add('cycle.json', content);
  for (const e of entries.slice(1)) w.addFile(e.path, evidencePath(evidenceDir, e.sha256), e.size);
  w.finish();
  return out;
}

export function deepJson(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

export const forgedPath = (dir: string, name: string) => join(dir, `${name}.cchc-cycle.tar`);
