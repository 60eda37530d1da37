/**
 * The registry: contract method → handler. `satisfies Handlers` makes the type checker
 * refuse a contract method without a handler, or a handler whose types drift from the
 * contract. Handlers are thin: parse nothing (the router did), call a service, return data.
 */
import type { Handlers } from '../router.ts';
import { appInfo } from './app.ts';
import { sessionGet, sessionSetIdentity } from './session.ts';
import { evidenceOpen } from './evidence.ts';
import { filesSave, filesUpload } from './files.ts';
import { identityCreate, identityExportPublicKey, identityLock, identityStatus, identityUnlock } from './identity.ts';
import * as x from './exchange.ts';
import { meetingGet, meetingSave, resultsCharts, resultsEditNarrative, resultsNarrative, resultsReport, resultsUnit, resultsWhatIf } from './results.ts';
import { appraisalSet, dossierGet, exemptionRemove, exemptionSet, gridField, workspaceOverview, workspaceRoster } from './dossier.ts';

export const handlers = {
  'app.info': appInfo,
  'session.get': sessionGet,
  'session.setIdentity': sessionSetIdentity,
  'workspace.roster': workspaceRoster,
  'workspace.overview': workspaceOverview,
  'dossier.get': dossierGet,
  'appraisal.set': appraisalSet,
  'exemption.set': exemptionSet,
  'exemption.remove': exemptionRemove,
  'grid.field': gridField,
  'evidence.open': evidenceOpen,
  'results.report': resultsReport,
  'results.unit': resultsUnit,
  'results.charts': resultsCharts,
  'results.narrative': resultsNarrative,
  'results.editNarrative': resultsEditNarrative,
  'results.whatIf': resultsWhatIf,
  'meeting.get': meetingGet,
  'meeting.save': meetingSave,
  'files.upload': filesUpload,
  'files.save': filesSave,
  'identity.status': identityStatus,
  'identity.create': identityCreate,
  'identity.unlock': identityUnlock,
  'identity.lock': identityLock,
  'identity.exportPublicKey': identityExportPublicKey,
  'exchange.status': x.exchangeStatus,
  'exchange.exportMine': x.exchangeExportMine,
  'exchange.previewCycle': x.exchangePreviewCycle,
  'exchange.importCycle': x.exchangeImportCycle,
  'exchange.declareConflict': x.exchangeDeclareConflict,
  'exchange.withdrawConflict': x.exchangeWithdrawConflict,
  'secretariat.roster': x.secretariatRoster,
  'secretariat.inspectKey': x.secretariatInspectKey,
  'secretariat.registerKey': x.secretariatRegisterKey,
  'secretariat.setFields': x.secretariatSetFields,
  'secretariat.exportCycle': x.secretariatExportCycle,
  'secretariat.previewImport': x.secretariatPreviewImport,
  'secretariat.commitImport': x.secretariatCommitImport,
  'secretariat.conflicts': x.secretariatConflicts,
  'secretariat.resolveConflict': x.secretariatResolveConflict,
  'secretariat.exemptions': x.secretariatExemptions,
  'secretariat.decideExemption': x.secretariatDecideExemption,
  'secretariat.completeness': x.secretariatCompleteness,
  'secretariat.finalise': x.secretariatFinalise,
  'secretariat.reopen': x.secretariatReopen,
  'secretariat.conflictsOfInterest': x.secretariatConflictsOfInterest,
  'secretariat.audit': x.secretariatAudit,
  'secretariat.exportAudit': x.secretariatExportAudit,
  'secretariat.verify': x.secretariatVerify,
} satisfies Handlers;
