/**
 * A member receiving the secretariat's cycle package: what the package would do before it
 * is taken (new, an update, already received, older), and who this installation is in the
 * cycle once it is (the roster member holding its key).
 */
import type { CyclePreview } from '../../../shared/contract/exchange.ts';
import { formatFingerprint } from '../../../shared/exchange/fingerprint.ts';
import type { Db } from '../db/connection.ts';
import { getCycle } from '../db/repos/cycles.ts';
import { getMember } from '../db/repos/members.ts';
import { cyclePackageReceived, lastReceivedCycle } from '../db/repos/packages.ts';
import { memberIdForKey } from '../db/repos/roster.ts';
import { demoCycleAdoptable } from '../demo/adopt.ts';
import { verifyCyclePackage } from './cycle-verify.ts';
import { ExchangeRefusal } from './refusal.ts';

/** Verifies the package (writes nothing) and says what taking it would do; refuses what the import would refuse first. */
export function previewReceivedCycle(db: Db, path: string, myFingerprint: string | null): Omit<CyclePreview, 'ticket'> {
  const v = verifyCyclePackage(path);
  const c = v.content;
  const last = lastReceivedCycle(db, c.cycle.id);
  if (!last && getCycle(db, c.cycle.id) && !demoCycleAdoptable(db, c.cycle.id))
    throw new ExchangeRefusal(v.file, 'EXCHANGE_CYCLE_EXISTS', `kỳ “${c.cycle.name}”`);
  if (last && last.signer !== v.signer.fingerprint)
    throw new ExchangeRefusal(v.file, 'EXCHANGE_SIGNER_CHANGED', `khóa trước: ${formatFingerprint(last.signer)}`);
  const received = cyclePackageReceived(db, v.packageHash);
  const state = !last ? 'new' : received ? 'duplicate' : c.revision <= last.revision ? 'superseded' : 'update';
  const me = myFingerprint ? c.roster.find((m) => m.fingerprint === myFingerprint) : undefined;
  return {
    file: v.file,
    cycle: { id: c.cycle.id, name: c.cycle.name, year: c.cycle.year, province: c.cycle.province },
    revision: c.revision,
    issuedAt: c.issuedAt,
    signer: v.signer,
    state,
    units: c.units.length,
    members: c.roster.length,
    evidenceFiles: c.evidence.length,
    bytes: v.bytes,
    me: me ? { id: me.id, name: me.name, fields: [...me.fields] } : null,
  };
}

/** The received cycle's name and the roster member holding this installation's key in it, if any. */
export function receivedCycleHolder(
  db: Db,
  cycleId: string,
  myFingerprint: string | null,
): { cycleName: string; holder: { id: string; name: string; role: 'member' | 'secretariat' } | null } {
  const holder = myFingerprint ? memberIdForKey(db, cycleId, myFingerprint) : undefined;
  const m = holder ? getMember(db, holder) : undefined;
  return {
    cycleName: getCycle(db, cycleId)?.name ?? cycleId,
    holder: m ? { id: m.id, name: m.name, role: m.role } : null,
  };
}
