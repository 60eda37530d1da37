/**
 * The tabs of the scoring grid: the fields of a unit group (from its first unit's dossier), cached per group and
 * member.
 */
import type { Overview } from '../../../shared/contract/workspace.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import type { Result } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';

interface FieldTab {
  readonly code: string;
  readonly title: string;
  readonly mine: boolean;
}

/** The fields of a unit group (from the first unit's dossier), cached per group and member. */
const fieldsCache = new Map<string, Promise<Result<FieldTab[]>>>();
export function fieldsOf(group: UnitGroup, overview: Overview): Promise<Result<FieldTab[]>> {
  const key = `${group}/${overview.me?.id ?? ''}`;
  let hit = fieldsCache.get(key);
  if (!hit) {
    const unit = overview.units.find((u) => u.group === group);
    hit = unit
      ? api.dossier.get({ unitId: unit.id }).then((r) =>
          r.ok
            ? {
                ok: true as const,
                value: r.value.nodes
                  .filter((n) => n.depth === 0)
                  .map((n) => ({ code: n.code, title: n.title, mine: !n.readOnly })),
              }
            : r,
        )
      : Promise.resolve({ ok: true as const, value: [] });
    fieldsCache.set(key, hit);
    void hit.then((r) => !r.ok && fieldsCache.delete(key));
  }
  return hit;
}
