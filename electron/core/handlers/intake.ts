/** Handlers of `intake.*` (secretariat only): template out, workbook and evidence in by ticket, run as a job. */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { unitsOfCycle, hasRound } from '../db/repos/intake.ts';
import { cycleFrameworks } from '../db/repos/frameworks.ts';
import { produceOutbox, ticketFile } from '../files/store.ts';
import { commitCollectedWorkbook, previewCollectedWorkbook } from '../intake/collected.ts';
import { commitDossierImport, previewDossierImport } from '../intake/dossier-import.ts';
import { cancelJob, jobStatus, startJob } from '../intake/jobs.ts';
import { dossierTemplate } from '../intake/template.ts';
import type { HandlerContext } from '../context.ts';
import type { Handler } from '../router.ts';
import { scopeOf } from './scope.ts';
import { writeFileSync } from 'node:fs';

function secretariat(ctx: HandlerContext, what: string) {
  const scope = scopeOf(ctx);
  if (scope.role !== 'secretariat')
    throw new CodedFailure('SECRETARIAT_ONLY', `Chỉ cơ quan thường trực (tổ giúp việc Hội đồng) mới được ${what}.`, {
      action: what,
    });
  return { scope, actor: scope.member?.id ?? 'secretariat' };
}

export const intakeUnits: Handler<'intake.units'> = (ctx) => {
  const { scope } = secretariat(ctx, 'nhập hồ sơ tự đánh giá');
  const db = scope.db;
  const units = unitsOfCycle(db, scope.cycle.id).map((u) => ({
    id: u.id,
    name: u.name,
    group: u.group,
    rounds: ([1, 2] as const).filter((r) => hasRound(db, u.id, r)),
  }));
  return {
    cycleId: scope.cycle.id,
    units,
    groups: cycleFrameworks(db, scope.cycle.id)
      .map((f) => ({ code: f.group as string, label: f.framework.name }))
      .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
  };
};

export const intakeTemplate: Handler<'intake.template'> = async (ctx, { group }) => {
  const { scope } = secretariat(ctx, 'tạo phiếu tự đánh giá');
  const t = await dossierTemplate(scope.db, scope.cycle.id, group);
  const f = produceOutbox(ctx.core.dataDir, t.fileName, (p) => writeFileSync(p, t.bytes));
  return { ticket: f.ticket, fileName: f.name, size: f.size };
};

export const intakeStart: Handler<'intake.start'> = (ctx, input) => {
  const { scope, actor } = secretariat(ctx, 'nhập hồ sơ tự đánh giá');
  const wb = ticketFile(ctx.core.dataDir, 'upload', input.workbook);
  const ev = input.evidence ? ticketFile(ctx.core.dataDir, 'upload', input.evidence) : null;
  const args = {
    cycleId: scope.cycle.id,
    unit: { id: input.unitId },
    round: input.round,
    workbookPath: wb.path,
    workbookName: wb.name,
    evidencePath: ev?.path ?? null,
    ...(ev ? { evidenceName: ev.name } : {}),
  };
  const db = scope.db;
  const dataDir = ctx.core.dataDir;
  const job = startJob(async (run) => {
    if (!input.commit) return { preview: await previewDossierImport(db, args, run), committed: null };
    const committed = await commitDossierImport(db, dataDir, { ...args, actor }, run);
    return { preview: committed.preview, committed };
  });
  return { job };
};

export const intakeStatus: Handler<'intake.status'> = (ctx, { job }) => {
  secretariat(ctx, 'nhập hồ sơ tự đánh giá');
  return jobStatus(job);
};

export const intakeCancel: Handler<'intake.cancel'> = (ctx, { job }) => {
  secretariat(ctx, 'nhập hồ sơ tự đánh giá');
  return cancelJob(job);
};

export const intakeCollected: Handler<'intake.collected'> = async (ctx, input) => {
  const { scope, actor } = secretariat(ctx, 'nhập bảng tổng hợp điểm tự đánh giá');
  const wb = ticketFile(ctx.core.dataDir, 'upload', input.workbook);
  const preview = input.commit
    ? await commitCollectedWorkbook(scope.db, scope.cycle.id, wb.path, input.round, actor, wb.name)
    : await previewCollectedWorkbook(scope.db, scope.cycle.id, wb.path, input.round, wb.name);
  return {
    preview: { ...preview, units: [...preview.units], ignoredColumns: [...preview.ignoredColumns] },
    committed: input.commit,
  };
};
