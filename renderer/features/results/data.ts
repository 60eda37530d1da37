/**
 * The report as the screens share it: loaded once, reused across tabs, reloaded after a
 * change (an import, a narrative edit). Every call still goes through api/client.ts.
 */
import type { ContractOutput } from '../../../shared/contract/index.ts';
import type { Result } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';

export type ReportView = ContractOutput<'results.report'>;

let report: Promise<Result<ReportView>> | null = null;
const listeners = new Set<() => void>();

export function loadReport(fresh = false): Promise<Result<ReportView>> {
  if (fresh || !report) {
    const p = api.results.report();
    report = p;
    void p.then((r) => {
      if (!r.ok && report === p) report = null;
    });
  }
  return report;
}

/** After a change of the results: the next load asks the core again; open screens reload. */
export function invalidateResults(): void {
  report = null;
  for (const l of listeners) l();
}

export function onResultsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
