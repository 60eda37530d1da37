/** The workspace overview (cycle, my fields, units), shared by the screens and refreshed after changes. */
import type { Overview } from '../../../shared/contract/workspace.ts';
import type { Result } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { rememberGroups } from '../../app/groups.ts';

let cached: Promise<Result<Overview>> | null = null;

/** The overview, fetched once and reused until `invalidateOverview()` (a change of identity, a save). */
export function loadOverview(fresh = false): Promise<Result<Overview>> {
  if (fresh || !cached) {
    cached = api.workspace.overview();
    void cached.then((r) => {
      if (!r.ok) cached = null;
      else rememberGroups(r.value.cycle.groups);
    });
  }
  return cached;
}

export function invalidateOverview(): void {
  cached = null;
}
