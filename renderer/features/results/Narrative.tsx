/**
 * Nhận xét: the report's sentences (overall, then per group: averages, extremes, counts per
 * classification group, year on year, fields, sub-criteria missed), as printed in the
 * minutes. The secretariat edits a sentence in place or reverts it to the generated text;
 * an edit made on figures that have changed since is flagged for review.
 */
import { useEffect, useRef, useState } from 'react';
import type { NarrativeSection, NarrativeSentence } from '../../../shared/report/narrative.ts';
import { api } from '../../api/client.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { toastStore } from '../../components/toast-store.ts';
import { useLoad } from '../../components/use-load.ts';
import { resultsText } from '../../i18n/results.ts';
import { ResultsLayout } from './ResultsLayout.tsx';

const N = resultsText.narrative;

export function Narrative() {
  const [load, reload, setValue] = useLoad(() => api.results.narrative(), 'narrative');
  const v = load.state === 'ready' ? load.value : null;
  const all = v ? v.sections.flatMap((s) => s.sentences) : [];
  return (
    <ResultsLayout
      tab="narrative"
      title={N.title}
      subtitle={v ? N.count(all.filter((s) => s.edited).length, all.filter((s) => s.stale).length) : undefined}
    >
      {load.state === 'loading' && <Loading />}
      {load.state === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
      {v && (
        <div className="r-narrative" data-testid="narrative">
          <p className="lead">{N.intro}</p>
          <nav className="r-njump" aria-label={N.jump}>
            {v.sections.map((s) => (
              <a
                key={s.key}
                href={`#n-${s.key}`}
                onClick={(e) => (
                  e.preventDefault(), document.getElementById(`n-${s.key}`)?.scrollIntoView({ block: 'start' })
                )}
              >
                {s.title}
              </a>
            ))}
          </nav>
          {!v.access.canEdit && (
            <p className="notice notice-locked" role="note">
              {N.readOnly}
            </p>
          )}
          {v.sections.map((s) => (
            <Section
              key={s.key}
              section={s}
              canEdit={v.access.canEdit}
              onChanged={(sections) => setValue({ ...v, sections })}
            />
          ))}
        </div>
      )}
    </ResultsLayout>
  );
}

function Section({
  section,
  canEdit,
  onChanged,
}: {
  section: NarrativeSection;
  canEdit: boolean;
  onChanged: (s: readonly NarrativeSection[]) => void;
}) {
  // The "units that missed sub-criterion X" sentences are many: folded unless one needs a look.
  const missed = section.sentences.filter((s) => s.key.includes('.missed.'));
  const main = section.sentences.filter((s) => !s.key.includes('.missed.'));
  const flagged = missed.some((s) => s.edited || s.stale);
  return (
    <section className="card r-card r-nsection" id={`n-${section.key}`} aria-labelledby={`nh-${section.key}`}>
      <h2 id={`nh-${section.key}`}>{section.title}</h2>
      <ol className="r-sentences">
        {main.map((s) => (
          <Sentence key={s.key} s={s} canEdit={canEdit} onChanged={onChanged} />
        ))}
      </ol>
      {missed.length > 0 && (
        <details className="r-nmissed" open={flagged}>
          <summary>{N.missed(missed.length)}</summary>
          <ol className="r-sentences">
            {missed.map((s) => (
              <Sentence key={s.key} s={s} canEdit={canEdit} onChanged={onChanged} />
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

function Sentence({
  s,
  canEdit,
  onChanged,
}: {
  s: NarrativeSentence;
  canEdit: boolean;
  onChanged: (s: readonly NarrativeSection[]) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(s.text);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (editing) area.current?.focus();
  }, [editing]);

  const send = async (next: string | null) => {
    if (next !== null && next.trim() === '') return toastStore.info(N.empty);
    setBusy(true);
    const r = await api.results.editNarrative({ key: s.key, text: next });
    setBusy(false);
    if (!r.ok) return toastStore.error(r.error);
    onChanged(r.value);
    setEditing(false);
    toastStore.info(next === null ? N.reverted : N.saved);
  };

  return (
    <li
      className={`r-sentence${s.edited ? ' is-edited' : ''}${s.stale ? ' is-stale' : ''}`}
      data-key={s.key}
      data-testid="sentence"
    >
      {editing ? (
        <form
          className="r-sentence-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send(text);
          }}
        >
          <textarea
            ref={area}
            value={text}
            rows={Math.min(14, Math.max(2, Math.ceil(text.length / 110) + (text.match(/\n/g)?.length ?? 0)))}
            maxLength={5000}
            aria-label={N.editLabel(s.key)}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setText(s.text);
                setEditing(false);
              } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void send(text);
              }
            }}
          />
          <div className="r-sentence-actions">
            <button type="submit" className="button button-primary button-small" disabled={busy}>
              {N.save}
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => {
                setText(s.text);
                setEditing(false);
              }}
            >
              {N.cancel}
            </button>
          </div>
        </form>
      ) : (
        <div className="r-sentence-view">
          <p className="r-sentence-text">{s.text}</p>
          {(s.edited || s.stale) && (
            <p className="r-sentence-flags">
              {s.edited && <span className="chip chip-changed">{N.edited}</span>}
              {s.stale && <span className="chip chip-differs">{N.stale}</span>}
            </p>
          )}
          {s.edited && s.generated !== s.text && (
            <p className="r-sentence-generated muted">
              <strong>{N.generated}:</strong> {s.generated}
            </p>
          )}
          {canEdit && (
            <div className="r-sentence-actions">
              <button
                type="button"
                className="button button-quiet button-small"
                onClick={() => {
                  setText(s.text);
                  setEditing(true);
                }}
                aria-label={`${N.edit}: ${s.text.slice(0, 60)}`}
              >
                {N.edit}
              </button>
              {s.edited && (
                <button
                  type="button"
                  className="button button-quiet button-small"
                  disabled={busy}
                  onClick={() => void send(null)}
                >
                  {N.revert}
                </button>
              )}
            </div>
          )}
        </div>
      )}
    </li>
  );
}
