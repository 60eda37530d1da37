/**
 * Ý kiến khác nhau: sub-criteria whose assigned members disagree. Side by side each member's
 * input, score, evidence and comment (with the unit's own self-score); the secretariat
 * chooses one member's value or enters the council's, always with a written reason.
 */
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { toastStore } from '../../components/toast-store.ts';
import { useLoad } from '../../components/use-load.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { StepHead } from './StepHead.tsx';
import { ConflictDetail, keyOf } from './ConflictDetail.tsx';

const C = exchangeText.conflicts;
type Filter = 'open' | 'resolved' | 'all';

export function Conflicts() {
  const [filter, setFilter] = useState<Filter>('open');
  const [load, reload, set] = useLoad(() => api.secretariat.conflicts({ status: filter }), `conflicts-${filter}`);
  const [selected, setSelected] = useState<string | null>(null);
  const list = load.state === 'ready' ? load.value : [];
  const current = list.find((c) => keyOf(c) === selected) ?? list[0] ?? null;
  useEffect(() => {
    if (current && keyOf(current) !== selected) setSelected(keyOf(current));
  }, [current, selected]);

  return (
    <>
      <StepHead title={C.title} lead={C.lead} />
      <div className="s-filters" role="group" aria-label={C.listLabel}>
        {(['open', 'resolved', 'all'] as const).map((f) => (
          <button
            key={f}
            type="button"
            className={`s-filter${f === filter ? ' s-filter-on' : ''}`}
            aria-pressed={f === filter}
            onClick={() => setFilter(f)}
          >
            {C.filters[f]}
          </button>
        ))}
      </div>
      {load.state === 'loading' && <Loading />}
      {load.state === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
      {load.state === 'ready' && list.length === 0 && (
        <p className="notice" data-testid="conflicts-empty">
          {C.none[filter]}
        </p>
      )}
      {load.state === 'ready' && list.length > 0 && current && (
        <div className="s-split">
          <ul className="s-list" aria-label={C.listLabel} data-testid="conflict-list">
            {list.map((c) => (
              <li key={keyOf(c)}>
                <button
                  type="button"
                  className="s-list-item"
                  aria-current={keyOf(c) === keyOf(current) ? 'true' : undefined}
                  onClick={() => setSelected(keyOf(c))}
                >
                  <span className="s-list-title">{c.unitName}</span>
                  <span className="s-list-sub">
                    <span className="s-code">{c.nodeCode}</span> {c.nodeTitle}
                  </span>
                  <span className={`chip ${c.status === 'open' ? 'chip-differs' : 'chip-open'}`}>
                    {C.status[c.status]}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <ConflictDetail
            key={keyOf(current)}
            conflict={current}
            onResolved={(v) => {
              set(list.map((c) => (keyOf(c) === keyOf(v) ? v : c)));
              toastStore.info(C.decided);
            }}
          />
        </div>
      )}
    </>
  );
}
