/**
 * THE contract between the renderer and the core. Every method the UI can call is listed
 * here, once. To add one: declare it in its namespace file with `defineMethod`, add the
 * namespace below if it is new, then register a handler in electron/core/handlers/index.ts
 * (the type checker refuses a contract method without a handler).
 */
import type { z } from 'zod';
import type { MethodNameOf, SpecOf } from './define.ts';
import { app } from './app.ts';
import { session } from './session.ts';
import { workspace } from './workspace.ts';
import { appraisal, dossier, exemption, grid } from './dossier.ts';
import { evidence } from './evidence.ts';
import { files } from './files.ts';
import { intake } from './intake.ts';
import { identity } from './identity.ts';
import { exchange, secretariat } from './exchange.ts';
import { previous, survey } from './imports.ts';
import { meeting } from './meeting.ts';
import { documents, exportTables, results } from './results.ts';
import { setup } from './setup.ts';

export const contract = {
  app,
  session,
  workspace,
  dossier,
  appraisal,
  exemption,
  grid,
  evidence,
  results,
  meeting,
  survey,
  previous,
  documents,
  export: exportTables,
  files,
  identity,
  exchange,
  secretariat,
  intake,
  setup,
} as const;

export type Contract = typeof contract;
export type MethodName = MethodNameOf<Contract>;
type MethodSpecFor<M extends MethodName> = SpecOf<Contract, M>;

/** What a caller passes (before parsing: optional fields may be omitted, text untrimmed). */
export type ContractInput<M extends MethodName> = z.input<MethodSpecFor<M>['input']>;
/** What a handler receives (after parsing). */
export type HandlerInput<M extends MethodName> = z.output<MethodSpecFor<M>['input']>;
/** What a handler returns and a caller receives in `{ ok: true, value }`. */
export type ContractOutput<M extends MethodName> = z.output<MethodSpecFor<M>['output']>;
