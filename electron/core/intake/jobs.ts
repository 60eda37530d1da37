/**
 * Intake jobs for the UI: a preview or a commit runs in the background of the core; the
 * renderer polls its status (phase, counts, bytes) and may cancel it. A job is forgotten
 * an hour after it ends. Cancelling aborts between chunks; the commit's transaction is
 * the last step, so a cancelled job has written nothing.
 */
import { randomBytes } from 'node:crypto';
import type { IntakeCommitted, IntakeJobStatus, IntakePreview } from '../../../shared/contract/intake.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { IntakeProgress, IntakeRun } from './progress.ts';

interface Job {
  readonly id: string;
  readonly controller: AbortController;
  state: IntakeJobStatus['state'];
  progress: IntakeProgress | null;
  preview: IntakePreview | null;
  committed: IntakeCommitted | null;
  error: { code: string; message: string } | null;
  endedAt: number | null;
}

const jobs = new Map<string, Job>();
const KEEP_MS = 60 * 60 * 1000;

function sweep(now: number): void {
  for (const [id, j] of jobs) if (j.endedAt !== null && now - j.endedAt > KEEP_MS) jobs.delete(id);
}

export function startJob(
  work: (run: IntakeRun) => Promise<{ preview: IntakePreview; committed: IntakeCommitted | null }>,
): string {
  sweep(Date.now());
  const id = randomBytes(12).toString('hex');
  const job: Job = {
    id,
    controller: new AbortController(),
    state: 'running',
    progress: null,
    preview: null,
    committed: null,
    error: null,
    endedAt: null,
  };
  jobs.set(id, job);
  const run: IntakeRun = { signal: job.controller.signal, onProgress: (p) => (job.progress = p) };
  // Let the caller have the id before any work (and any refusal) happens.
  setImmediate(() => {
    work(run).then(
      (r) => {
        job.preview = r.preview;
        job.committed = r.committed;
        job.state = 'done';
        job.endedAt = Date.now();
      },
      (e: unknown) => {
        const coded =
          e instanceof CodedFailure
            ? { code: e.code, message: e.message }
            : { code: 'INTAKE_FAILED', message: `Không nhập được hồ sơ: ${(e as Error)?.message ?? String(e)}` };
        job.state = coded.code === 'INTAKE_CANCELLED' ? 'cancelled' : 'failed';
        job.error = coded;
        job.endedAt = Date.now();
      },
    );
  });
  return id;
}

export function jobStatus(id: string): IntakeJobStatus {
  const j = jobs.get(id);
  if (!j)
    throw new CodedFailure('INTAKE_JOB_UNKNOWN', 'Không tìm thấy việc nhập hồ sơ này (đã quá hạn). Hãy nhập lại.');
  const p = j.progress;
  return {
    job: j.id,
    state: j.state,
    progress: p
      ? {
          phase: p.phase,
          done: p.done,
          total: p.total,
          bytesDone: p.bytesDone,
          bytesTotal: p.bytesTotal,
          current: p.current ?? null,
        }
      : null,
    preview: j.preview,
    committed: j.committed,
    error: j.error,
  };
}

export function cancelJob(id: string): IntakeJobStatus {
  const j = jobs.get(id);
  if (j && j.state === 'running') j.controller.abort();
  return jobStatus(id);
}
