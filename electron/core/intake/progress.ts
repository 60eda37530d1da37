/** Progress of a long intake (a 500 MB evidence folder, 150 units) and its cancellation. */
import { CodedFailure } from '../../../shared/errors/codes.ts';

type IntakePhase = 'workbook' | 'scan' | 'hash' | 'store' | 'write';

export interface IntakeProgress {
  readonly phase: IntakePhase;
  /** Items (files, workbooks, units) done and in all, in this phase. */
  readonly done: number;
  readonly total: number;
  /** Bytes done and in all (hashing and storing). */
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** The item being worked on (a file name). */
  readonly current?: string;
}

export interface IntakeRun {
  readonly onProgress?: (p: IntakeProgress) => void;
  readonly signal?: AbortSignal;
}

export function cancelled(): CodedFailure {
  return new CodedFailure('INTAKE_CANCELLED', 'Đã hủy việc nhập hồ sơ; không có gì được ghi vào cơ sở dữ liệu.');
}

export function checkCancel(run: IntakeRun | undefined): void {
  if (run?.signal?.aborted) throw cancelled();
}
