/** Handlers of `workspace.*`, `dossier.*`, `appraisal.*`, `exemption.*`, `grid.*`: thin calls into the services. */
import { agreeWithSelf } from '../bulk/agree.ts';
import { setMany } from '../bulk/set-many.ts';
import type { Handler } from '../router.ts';
import { setAppraisal } from '../dossier/appraisal.ts';
import { getDossier } from '../dossier/dossier.ts';
import { removeExemption, setExemption } from '../exemptions/propose.ts';
import { fieldGrid } from '../dossier/grid.ts';
import { overview, roster } from '../dossier/workspace.ts';
import { scopeOf } from './scope.ts';

export const workspaceRoster: Handler<'workspace.roster'> = (ctx) => roster(scopeOf(ctx));
export const workspaceOverview: Handler<'workspace.overview'> = (ctx) => overview(scopeOf(ctx));
export const dossierGet: Handler<'dossier.get'> = (ctx, input) => getDossier(scopeOf(ctx), input.unitId);
export const appraisalSet: Handler<'appraisal.set'> = (ctx, input) => setAppraisal(scopeOf(ctx), input);
export const exemptionSet: Handler<'exemption.set'> = (ctx, input) => setExemption(scopeOf(ctx), input);
export const exemptionRemove: Handler<'exemption.remove'> = (ctx, input) =>
  removeExemption(scopeOf(ctx), input.unitId, input.nodeCode);
export const gridField: Handler<'grid.field'> = (ctx, input) => fieldGrid(scopeOf(ctx), input.group, input.fieldCode);
export const appraisalAgree: Handler<'appraisal.agree'> = (ctx, input) => agreeWithSelf(scopeOf(ctx), input);
export const appraisalSetMany: Handler<'appraisal.setMany'> = (ctx, input) => setMany(scopeOf(ctx), input);
