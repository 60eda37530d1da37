/**
 * The appraisal sheets card: per unit the appraisal sheet and the notice of results, for one
 * unit or all, with the deadline the notice gives; produced as PDFs to save.
 */
import { Produced, useProduce } from './produced.tsx';
import { useMemo, useState } from 'react';
import type { ClassifiedUnit } from '../../../shared/report/types.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import { groupLabel, groupsOf } from '../../app/groups.ts';
import { api } from '../../api/client.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { useLoad } from '../../components/use-load.ts';
import { resultsText } from '../../i18n/results.ts';
import { loadReport } from '../results/data.ts';
import { isoDate } from './meeting-draft.ts';

const D = resultsText.documents;

export function SheetsCard({ canEdit }: { canEdit: boolean }) {
  const [units] = useLoad<readonly ClassifiedUnit[]>(
    () => loadReport().then((r) => (r.ok ? { ok: true, value: r.value.report.units } : r)),
    'report-units',
  );
  const [kind, setKind] = useState<'appraisal' | 'notice' | 'feedback'>('appraisal');
  const [round, setRound] = useState<1 | 2>(1);
  const [deadline, setDeadline] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const { busy, last, produce } = useProduce();

  const byGroup = useMemo(() => {
    const m = new Map<UnitGroup, ClassifiedUnit[]>();
    if (units.state === 'ready')
      for (const u of [...units.value].sort((a, b) => a.unit.localeCompare(b.unit, 'vi')))
        m.set(u.group, [...(m.get(u.group) ?? []), u]);
    return m;
  }, [units]);

  const toggle = (ids: string[], on: boolean) =>
    setPicked((s) => {
      const n = new Set(s);
      for (const id of ids) on ? n.add(id) : n.delete(id);
      return n;
    });

  const deadlineIso = isoDate(deadline);
  const deadlineText = deadlineIso ? deadlineIso.split('-').reverse().join('/') : undefined;
  const print = () =>
    produce(() =>
      api.documents.sheets({
        unitIds: [...picked],
        kind,
        ...(kind === 'notice' ? { round } : {}),
        ...(kind === 'notice' && round === 1 && deadlineText ? { deadline: deadlineText } : {}),
      }),
    );

  return (
    <section className="card r-card" aria-labelledby="sheets-title" data-testid="sheets-card">
      <h2 id="sheets-title">{D.sheets}</h2>
      <fieldset className="r-fieldset" disabled={!canEdit}>
        <div className="r-import-options">
          <label className="control">
            <span>{D.sheetKind}</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              {(['appraisal', 'notice', 'feedback'] as const).map((k) => (
                <option key={k} value={k}>
                  {D.sheetKinds[k]}
                </option>
              ))}
            </select>
          </label>
          {kind === 'notice' && (
            <label className="control">
              <span>{D.round}</span>
              <select value={round} onChange={(e) => setRound(Number(e.target.value) as 1 | 2)}>
                <option value={1}>1</option>
                <option value={2}>2</option>
              </select>
            </label>
          )}
          {kind === 'notice' && round === 1 && (
            <label className="control">
              <span>{D.deadline}</span>
              <input
                type="text"
                inputMode="numeric"
                value={deadline}
                placeholder={D.datePlaceholder}
                aria-invalid={deadline.trim() !== '' && !isoDate(deadline) ? true : undefined}
                onChange={(e) => setDeadline(e.target.value)}
              />
            </label>
          )}
        </div>
        {units.state === 'loading' && <Loading />}
        {units.state === 'failed' && <LoadFailed error={units.error} />}
        {units.state === 'ready' && (
          <div className="r-unit-pick" role="group" aria-label={D.units}>
            {groupsOf(units.value).map((g) => {
              const list = byGroup.get(g)!;
              const all = list.every((u) => picked.has(u.unitId));
              return (
                <details key={g} className="r-pick-group">
                  <summary>
                    <label className="r-check" onClick={(e) => e.stopPropagation()}>
                      <input
                        type="checkbox"
                        checked={all}
                        onChange={(e) =>
                          toggle(
                            list.map((u) => u.unitId),
                            e.target.checked,
                          )
                        }
                        aria-label={D.selectGroup(groupLabel(g))}
                      />
                      {groupLabel(g)}{' '}
                      <span className="muted">
                        ({list.filter((u) => picked.has(u.unitId)).length}/{list.length})
                      </span>
                    </label>
                  </summary>
                  <ul>
                    {list.map((u) => (
                      <li key={u.unitId}>
                        <label className="r-check">
                          <input
                            type="checkbox"
                            checked={picked.has(u.unitId)}
                            onChange={(e) => toggle([u.unitId], e.target.checked)}
                          />
                          {u.unit}
                        </label>
                      </li>
                    ))}
                  </ul>
                </details>
              );
            })}
          </div>
        )}
        <div className="r-form-actions">
          <span className="muted">{D.selectedUnits(picked.size)}</span>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || picked.size === 0}
            onClick={() => void print()}
            data-testid="print-sheets"
          >
            {busy ? D.printing : D.printSheets}
          </button>
        </div>
      </fieldset>
      <Produced f={last} />
    </section>
  );
}
