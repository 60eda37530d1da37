import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { DossierNode } from '../../../shared/contract/dossier.ts';
import { div, mul, HUNDRED, toRational } from '../../../shared/decimal/rational.ts';
import { formatPercent } from '../../../shared/format/vi.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { pts, ptsR } from '../../components/format.ts';
import { useOnCommand } from '../../components/keys.ts';
import { vi } from '../../i18n/vi.ts';
import { invalidateOverview } from '../home/units-cache.ts';
import { setInput } from './actions.ts';
import { controlOf, figureText, figuresInput, localScore, selfInput, selfScore, type FigureField } from './model.ts';
import { TEXT_DEBOUNCE_MS, saver } from './saver.ts';
import { editOfNode, type FullEdit } from './edits.ts';

const D = vi.dossier.detail;

interface Props {
  readonly unitId: string;
  readonly node: DossierNode;
  readonly edit: FullEdit;
  readonly locked: boolean;
  readonly coreError: CodedError | null;
  /** Focus the first control when this changes (Enter in the list). */
  readonly focusSeq: number;
  readonly onEscape: () => void;
  /** The node (or an ancestor) is out of the benchmark. */
  readonly exempted?: boolean;
}

/** My control fitting the kind, the computed score, "Bỏ chấm" and "Đồng ý với điểm tự chấm". */
export function ScoreControl({ unitId, node, edit, locked, coreError, focusSeq, onEscape, exempted = false }: Props) {
  const control = controlOf(node.scoring);
  const box = useRef<HTMLDivElement>(null);
  useOnCommand(focusSeq, () =>
    box.current
      ?.querySelector<HTMLElement>(
        'input:not(:disabled), button[aria-pressed="true"]:not(:disabled), button:not(:disabled)',
      )
      ?.focus(),
  );

  const local = localScore(node, edit.input);
  const self = selfScore(node);
  const mine = local?.ok ? ptsR(local.value) : null;
  const scoreDiffers = local?.ok && self !== null && !sameRational(local.value, self);
  const localError = local && !local.ok ? local.error : null;
  // Figures show their own local error; the core's refusal is shown when nothing local explains it.
  const shownError = localError && control.type === 'figures' ? null : (coreError ?? localError);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onEscape();
    }
  };

  return (
    <div className="score-control" ref={box} onKeyDown={onKeyDown}>
      {control.type === 'tick' && (
        <fieldset className="segmented plain-group" aria-label={D.score}>
          {[
            { input: { met: true }, label: D.met, key: '1' },
            { input: { met: false }, label: D.notMet, key: '0' },
          ].map((o) => {
            const on =
              typeof edit.input === 'object' &&
              edit.input !== null &&
              (edit.input as { met?: unknown }).met === o.input.met;
            return (
              <button
                key={o.key}
                type="button"
                className="segment"
                aria-pressed={on}
                disabled={locked}
                onClick={() => setInput(unitId, node, o.input)}
              >
                <span className="segment-label">{o.label}</span>
                <span className="segment-points">{D.points(pts(o.input.met ? node.maxPoints : '0'))}</span>
                <kbd className="segment-key" aria-hidden="true">
                  {o.key}
                </kbd>
              </button>
            );
          })}
        </fieldset>
      )}
      {control.type === 'tiers' && (
        <fieldset className="segmented plain-group" aria-label={D.score}>
          {control.tiers.map((t, i) => {
            const on =
              typeof edit.input === 'object' &&
              edit.input !== null &&
              (edit.input as { tier?: unknown }).tier === t.key;
            return (
              <button
                key={t.key}
                type="button"
                className="segment"
                aria-pressed={on}
                disabled={locked}
                onClick={() => setInput(unitId, node, { tier: t.key })}
              >
                <span className="segment-label">{t.label}</span>
                <span className="segment-points">{D.points(pts(t.points))}</span>
                <kbd className="segment-key" aria-hidden="true">
                  {i + 1}
                </kbd>
              </button>
            );
          })}
        </fieldset>
      )}
      {control.type === 'figures' && (
        <Figures unitId={unitId} node={node} edit={edit} fields={control.fields} locked={locked} />
      )}

      <div className="score-line">
        <span className="score-label">{D.score}</span>
        <output className={`score-value${scoreDiffers ? ' differs' : ''}`} data-testid="my-score" aria-live="polite">
          {mine ?? (exempted ? vi.dossier.list.exempted : D.notScored)}
        </output>
        <span className="muted">/ {pts(node.maxPoints)}</span>
        {scoreDiffers && <span className="chip chip-differs">{vi.dossier.list.differs}</span>}
        <span className="score-actions">
          <button
            type="button"
            className="button button-small button-secondary"
            disabled={locked || selfInput(node) === null}
            title={D.acceptSelfHint}
            onClick={() => setInput(unitId, node, selfInput(node))}
          >
            {D.acceptSelf} <kbd aria-hidden="true">=</kbd>
          </button>
          <button
            type="button"
            className="button button-small button-quiet"
            disabled={locked || edit.input === null}
            onClick={() => setInput(unitId, node, null)}
          >
            {D.clear}
          </button>
        </span>
      </div>
      {shownError && (
        <p className="field-error" role="alert" data-testid="score-error">
          {shownError.message}
        </p>
      )}
    </div>
  );
}

function sameRational(a: { n: bigint; d: bigint }, text: string): boolean {
  const b = toRational(text);
  return !!b && a.n === b.n && a.d === b.d;
}

/** Figures typed by the member (a and b, a count…), saved debounced while valid and on leaving the group. */
function Figures({
  unitId,
  node,
  edit,
  fields,
  locked,
}: {
  unitId: string;
  node: DossierNode;
  edit: FullEdit;
  fields: readonly FigureField[];
  locked: boolean;
}) {
  const id = useId();
  const textsOf = (input: unknown): Record<string, string> => {
    const o = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
    return Object.fromEntries(fields.map((f) => [f.key, figureText(o[f.key])]));
  };
  const [texts, setTexts] = useState<Record<string, string>>(() => textsOf(edit.input));
  /** The member left the figures: now a missing one is worth saying. */
  const [committed, setCommitted] = useState(false);

  // Follow changes made elsewhere (undo, "Đồng ý với điểm tự chấm", the grid).
  const desiredKey = JSON.stringify(edit.input ?? null);
  const typedKey = JSON.stringify(figuresInput(fields, texts).input);
  useEffect(() => {
    if (desiredKey !== typedKey) setTexts(textsOf(edit.input));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [desiredKey]);

  const base = () => editOfNode(node);
  const update = (key: string, value: string) => {
    const next = { ...texts, [key]: value };
    setTexts(next);
    setCommitted(false);
    const { input, complete } = figuresInput(fields, next);
    const valid = complete && input !== null && localScore(node, input)?.ok === true;
    invalidateOverview();
    // Valid figures save while typing; incomplete or invalid ones wait for the member to leave the field.
    void saver.edit(
      unitId,
      node.code,
      base(),
      { input },
      valid ? { delay: TEXT_DEBOUNCE_MS } : { send: false, draftable: false },
    );
  };
  const commit = () => {
    setCommitted(true);
    const { input, complete } = figuresInput(fields, texts);
    if (input !== null && !complete) return; // "Chưa nhập …" is shown; nothing to save yet
    if (!saver.busy(unitId, node.code)) return;
    // Complete (valid or not) or cleared: the core decides and says why in Vietnamese.
    void saver.edit(unitId, node.code, base(), { input }, { delay: 0 });
  };

  const typed = figuresInput(fields, texts).input;
  const local = localScore(node, typed);
  const showError =
    local && !local.ok && (committed || local.error.code !== 'SCORE_INPUT_MISSING') ? local.error : null;
  const [a, b] = [toRational(typed?.['a']), toRational(typed?.['b'])];
  const ratio =
    fields.length === 2 && fields[0]!.key === 'a' && a && b && b.n !== 0n
      ? formatPercent(mul(div(a, b), HUNDRED), 2)
      : null;

  return (
    <div
      className="figures"
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) commit();
      }}
    >
      {fields.map((f) => (
        <div key={f.key} className="figure">
          <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
          <input
            id={`${id}-${f.key}`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={texts[f.key] ?? ''}
            disabled={locked}
            aria-invalid={showError?.details?.['field'] === f.key ? true : undefined}
            aria-describedby={showError ? `${id}-error` : undefined}
            onChange={(e) => update(f.key, e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commit();
              }
            }}
          />
        </div>
      ))}
      <div className="figure figure-result">
        {ratio && <span className="muted">{D.ratio(ratio)}</span>}
        {showError && (
          <span className="figure-error" id={`${id}-error`} data-testid="figure-error">
            {showError.message}
          </span>
        )}
      </div>
    </div>
  );
}
