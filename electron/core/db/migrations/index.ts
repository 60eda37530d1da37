import type { Database } from 'better-sqlite3';
import { up as core } from './001-core.ts';
import { up as auditLog } from './002-audit-log.ts';
import { up as exchange } from './003-exchange.ts';
import { up as results } from './004-results.ts';
import { up as unitTotals } from './005-unit-totals.ts';
import { up as cycleGroups } from './006-cycle-groups.ts';
import { up as cycleSetup } from './007-cycle-setup.ts';
import { up as dossierIntake } from './008-dossier-intake.ts';
import { up as evidencePages } from './009-evidence-pages.ts';
import { up as applicationId } from './010-application-id.ts';
import { up as auditHeads } from './011-audit-heads.ts';
import { up as memberFieldGroups } from './012-member-field-groups.ts';
import { up as appraisalsByMember } from './013-appraisals-by-member.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database) => void;
  /** Runs with foreign keys off (table rebuilds); the runner checks every key before commit. */
  readonly foreignKeysOff?: boolean;
}

/** Numbered, in order; version N brings `PRAGMA user_version` from N-1 to N. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'core', up: core },
  { version: 2, name: 'audit-log', up: auditLog },
  { version: 3, name: 'exchange', up: exchange },
  { version: 4, name: 'results', up: results },
  { version: 5, name: 'unit-totals', up: unitTotals },
  { version: 6, name: 'cycle-groups', up: cycleGroups, foreignKeysOff: true },
  { version: 7, name: 'cycle-setup', up: cycleSetup },
  { version: 8, name: 'dossier-intake', up: dossierIntake },
  { version: 9, name: 'evidence-pages', up: evidencePages },
  { version: 10, name: 'application-id', up: applicationId },
  { version: 11, name: 'audit-heads', up: auditHeads },
  { version: 12, name: 'member-field-groups', up: memberFieldGroups, foreignKeysOff: true },
  { version: 13, name: 'appraisals-by-member', up: appraisalsByMember },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
