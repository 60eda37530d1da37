/**
 * A framework's identity: the SHA-256 (hex) of its canonical JSON
 * (shared/framework/canonical.ts). Same content → same hash, whatever the node
 * order, key order or decimal spelling ("1.50" = "1.5").
 *
 *   frameworkHash(f: Framework): string   // 64 lowercase hex digits
 */
import { createHash } from 'node:crypto';
import { canonicalFramework } from '../../../shared/framework/canonical.ts';
import type { Framework } from '../../../shared/framework/types.ts';

export function frameworkHash(f: Framework): string {
  return createHash('sha256').update(canonicalFramework(f), 'utf8').digest('hex');
}
