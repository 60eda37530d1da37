/**
 * Which key is the secretariat's, for this store:
 * - a member's installation: the signer of the cycle package it received (checked against the
 *   fingerprint the secretariat gave when it was imported);
 * - otherwise (the secretariat's installation): the signer of the cycle packages it issued, else
 *   this installation's own key, else the key of its first signed head;
 * - null when the store has none of these yet (a new secretariat: its first key is taken).
 *
 *   secretariatFingerprint(db, dataDir) → string | null
 */
import type { Db } from '../db/connection.ts';
import { cycleIds, cycleSigners } from '../db/repos/audit-state.ts';
import { listHeads } from '../db/repos/audit-writer.ts';
import { readIdentityInfo } from '../exchange/keystore.ts';

function receivedSigner(db: Db): string | null {
  for (const c of cycleIds(db)) {
    const s = cycleSigners(db, c, 'received')[0];
    if (s) return s;
  }
  return null;
}

export function secretariatFingerprint(db: Db, dataDir: string | null): string | null {
  const received = receivedSigner(db);
  if (received) return received;
  for (const c of cycleIds(db)) {
    const s = cycleSigners(db, c, 'issued')[0];
    if (s) return s;
  }
  let own: string | null = null;
  try {
    own = dataDir ? (readIdentityInfo(dataDir)?.fingerprint ?? null) : null;
  } catch {
    own = null;
  }
  return own ?? listHeads(db)[0]?.keyFingerprint ?? null;
}
