/**
 * The demo round trip: every machine started as the README says holds the demo
 * cycle. A demo member's machine must take the demo secretariat's cycle package for it (the roster
 * with the registered keys), or what he scored on first run could never be handed in. A real
 * cycle the store holds as its own is still refused (EXCHANGE_CYCLE_EXISTS).
 */
import type { Db } from '../db/connection.ts';
import { DEMO_CYCLE_ID } from './init.ts';
import { hasCyclePackages } from '../db/repos/packages.ts';

export function isDemoCycle(cycleId: string): boolean {
  return cycleId === DEMO_CYCLE_ID;
}

/** The local demo cycle may take a cycle package for it: it never received one, and never issued one (not the secretariat's own). */
export function demoCycleAdoptable(db: Db, cycleId: string): boolean {
  if (!isDemoCycle(cycleId)) return false;
  return !hasCyclePackages(db, cycleId);
}
