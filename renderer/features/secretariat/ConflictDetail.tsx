/**
 * One sub-criterion the members disagree on: every side with its score, input, comment and
 * evidence, and the council's decision (a member's score, or its own value with a reason).
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { ConflictView } from '../../../shared/contract/council.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import type { Scoring } from '../../../shared/framework/types.ts';
import { formatPoints } from '../../../shared/format/vi.ts';
import { api } from '../../api/client.ts';
import { pts } from '../../components/format.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { openEvidence } from '../dossier/evidence-open.ts';
import { controlOf, describeInput, figuresInput, localScore } from '../dossier/model.ts';
import { CodedMessage } from '../exchange/Coded.tsx';
import { shortHash, when } from '../exchange/format.ts';
import { ReasonField } from './Reason.tsx';

const C = exchangeText.conflicts;
export const keyOf = (c: { unitId: string; nodeCode: string }) => `${c.unitId}/${c.nodeCode}`;

export function ConflictDetail({
  conflict: c,
  onResolved,
}: {
  conflict: ConflictView;
  onResolved: (v: ConflictView) => void;
}) {
  const id = useId();
  const [choice, setChoice] = useState<string>(c.resolution?.sourceMember ?? '');
  const [reason, setReason] = useState('');
  const [own, setOwn] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CodedError | null>(null);
  const [editing, setEditing] = useState(c.status === 'open');
  const scoring = c.scoring as Scoring | null;

  const decide = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim())
      return setError({ code: 'EXCHANGE_REASON_REQUIRED', message: exchangeText.common.reasonMissing });
    if (!choice) return;
    const pick = choice === '__council__' ? (own ? { input: own as never } : null) : { memberId: choice };
    if (!pick) return;
    setBusy(true);
    setError(null);
    const r = await api.secretariat.resolveConflict({ unitId: c.unitId, nodeCode: c.nodeCode, choice: pick, reason });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setEditing(false);
    onResolved(r.value);
  };

  return (
    <article
      className="card s-detail"
      aria-labelledby={`${id}-title`}
      data-testid="conflict-detail"
      data-key={keyOf(c)}
    >
      <header className="s-detail-head">
        <h2 id={`${id}-title`}>
          {c.unitName} — <span className="s-code">{c.nodeCode}</span> {c.nodeTitle}
        </h2>
        <p className="muted x-small">
          {exchangeText.common.field(c.field)} · {C.max(pts(c.maxPoints))} · {C.self}:{' '}
          <span className="x-strong">{pts(c.selfScore)}</span>
        </p>
      </header>
      <div
        className="s-sides"
        style={{ gridTemplateColumns: `repeat(${Math.min(c.sides.length, 3)}, minmax(0, 1fr))` }}
      >
        {c.sides.map((s) => (
          <section
            key={s.memberId}
            className={`s-side${c.resolution?.sourceMember === s.memberId ? ' s-side-chosen' : ''}`}
            data-testid="conflict-side"
            data-member={s.memberId}
          >
            <h3 className="s-side-name">{s.memberName}</h3>
            <p className="s-side-score">
              <span className="s-side-score-v" data-testid="side-score">
                {pts(s.score)}
              </span>{' '}
              <span className="muted">/ {pts(c.maxPoints)}</span>
            </p>
            <dl className="s-side-facts">
              <dt>{C.input}</dt>
              <dd>{describeInput(scoring, s.input) || '—'}</dd>
              <dt>{C.comment}</dt>
              <dd className={s.comment ? '' : 'muted'}>{s.comment || C.noComment}</dd>
              <dt>{C.evidence}</dt>
              <dd>
                {s.evidence.length === 0 ? (
                  <span className="muted">{C.noEvidence}</span>
                ) : (
                  <ul className="s-docs">
                    {s.evidence.map((e, i) => (
                      <li key={i}>
                        <span>
                          {e.title}
                          {e.page ? `, ${C.page(e.page)}` : ''}
                          {e.status !== 'ok' && (
                            <span className="s-warn"> · {e.status === 'missing' ? C.missing : C.changed}</span>
                          )}
                        </span>
                        {e.evidenceId !== null && e.status === 'ok' && (
                          <button
                            type="button"
                            className="button button-quiet button-small"
                            onClick={() => void openEvidence(e.evidenceId!, e.page)}
                          >
                            {C.open}
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
              <dt>{C.package}</dt>
              <dd>
                <code>{shortHash(s.packageHash)}</code>
                {s.updatedAt && <span className="muted"> · {when(s.updatedAt)}</span>}
              </dd>
            </dl>
          </section>
        ))}
      </div>

      {c.resolution && !editing && (
        <div className="s-resolution" data-testid="conflict-resolution">
          <p className="x-strong">
            {C.resolution(
              pts(c.resolution.score),
              c.resolution.sourceMemberName ? C.fromMember(c.resolution.sourceMemberName) : C.councilValue,
            )}
          </p>
          <p className="x-quote">{c.resolution.reason}</p>
          <p className="muted x-small">{C.decidedBy(c.resolution.decidedBy, when(c.resolution.at))}</p>
          <button type="button" className="button button-secondary button-small" onClick={() => setEditing(true)}>
            {C.change}
          </button>
        </div>
      )}

      {editing && (
        <form className="x-form s-decision" onSubmit={decide} noValidate data-testid="conflict-form">
          <fieldset className="field">
            <legend>{C.decision}</legend>
            {c.sides.map((s) => (
              <label key={s.memberId} className="x-check">
                <input
                  type="radio"
                  name={`${id}-choice`}
                  value={s.memberId}
                  checked={choice === s.memberId}
                  onChange={() => setChoice(s.memberId)}
                />
                <span>{C.choose(s.memberName, pts(s.score))}</span>
              </label>
            ))}
            <label className="x-check">
              <input
                type="radio"
                name={`${id}-choice`}
                value="__council__"
                checked={choice === '__council__'}
                onChange={() => setChoice('__council__')}
              />
              <span>{C.own}</span>
            </label>
            {choice === '__council__' && <OwnValue conflict={c} scoring={scoring} onInput={setOwn} />}
          </fieldset>
          <ReasonField
            label={C.reasonLabel}
            value={reason}
            onChange={setReason}
            hint={exchangeText.common.reasonHint}
            testId="conflict-reason"
          />
          {error && <CodedMessage error={error} />}
          <div className="x-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={busy || !choice || !reason.trim() || (choice === '__council__' && !own)}
            >
              {C.decide}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}

/** The council's own value, entered with the control of the sub-criterion's scoring kind; its score shown as computed here. */
function OwnValue({
  conflict,
  scoring,
  onInput,
}: {
  conflict: ConflictView;
  scoring: Scoring | null;
  onInput: (input: unknown) => void;
}) {
  const id = useId();
  const control = useMemo(() => controlOf(scoring), [scoring]);
  const [input, setInput] = useState<unknown>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const apply = (v: unknown) => {
    setInput(v);
    onInput(v);
  };
  const score = localScore({ scoring, maxPoints: conflict.maxPoints }, input);
  return (
    <div className="s-own" data-testid="own-value">
      {control.type === 'tick' && (
        <div className="x-actions">
          {[true, false].map((met) => (
            <label key={String(met)} className="x-check">
              <input
                type="radio"
                name={`${id}-met`}
                checked={(input as { met?: boolean } | null)?.met === met}
                onChange={() => apply({ met })}
              />
              <span>{met ? C.met : C.notMet}</span>
            </label>
          ))}
        </div>
      )}
      {control.type === 'tiers' && (
        <div className="x-actions">
          {control.tiers.map((t) => (
            <label key={t.key} className="x-check">
              <input
                type="radio"
                name={`${id}-tier`}
                checked={(input as { tier?: string } | null)?.tier === t.key}
                onChange={() => apply({ tier: t.key })}
              />
              <span>
                {t.label} ({pts(t.points)})
              </span>
            </label>
          ))}
        </div>
      )}
      {control.type === 'figures' && (
        <div className="s-own-figures">
          {control.fields.map((f) => (
            <div key={f.key} className="field">
              <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
              <input
                id={`${id}-${f.key}`}
                className="x-input"
                type="text"
                inputMode="decimal"
                value={texts[f.key] ?? ''}
                onChange={(e) => {
                  const next = { ...texts, [f.key]: e.target.value };
                  setTexts(next);
                  const r = figuresInput(control.fields, next);
                  apply(r.complete ? r.input : null);
                }}
              />
            </div>
          ))}
        </div>
      )}
      {score && (
        <p className={score.ok ? 'x-strong' : 's-warn'} data-testid="own-score">
          {score.ok ? C.ownScore(formatPoints(score.value, 3)) : score.error.message}
        </p>
      )}
    </div>
  );
}
