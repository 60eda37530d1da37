import { useEffect, useId, useRef, useState } from 'react';
import type { DossierNode } from '../../../shared/contract/dossier.ts';
import { useOnCommand } from '../../components/keys.ts';
import { vi } from '../../i18n/vi.ts';
import { invalidateOverview } from '../home/units-cache.ts';
import { TEXT_DEBOUNCE_MS, saver } from './saver.ts';
import type { ExemptionEdit } from './edits.ts';

const D = vi.dossier.detail;

function baseOf(node: DossierNode): ExemptionEdit | null {
  return node.exemption ? { reason: node.exemption.reason, legalBasis: node.exemption.legalBasis } : null;
}

/**
 * Lowered benchmark (hạ điểm chuẩn) with its reason and legal basis. Proposing it is one
 * deliberate step (it changes the benchmark); once proposed, edits to the text autosave.
 */
export function ExemptionBox({
  unitId,
  node,
  locked,
  focusSeq,
  onEscape,
}: {
  unitId: string;
  node: DossierNode;
  locked: boolean;
  focusSeq: number;
  onEscape: () => void;
}) {
  const id = useId();
  const desired = saver.exemptionDesired(unitId, node.code);
  const current = desired === undefined ? baseOf(node) : desired;
  const error = saver.exemptionError(unitId, node.code);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState(current?.reason ?? '');
  const [legalBasis, setLegalBasis] = useState(current?.legalBasis ?? '');
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const currentKey = JSON.stringify(current);
  useEffect(() => {
    setReason(current?.reason ?? '');
    setLegalBasis(current?.legalBasis ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentKey]);
  // Focus the reason once it is on screen (opening the form re-renders first).
  const wantFocus = useRef(false);
  useEffect(() => {
    if (wantFocus.current && reasonRef.current) {
      wantFocus.current = false;
      reasonRef.current.focus();
    }
  });
  const start = () => {
    wantFocus.current = true;
    setOpen(true);
    if (reasonRef.current) {
      wantFocus.current = false;
      reasonRef.current.focus();
    }
  };
  useOnCommand(focusSeq, () => {
    if (!locked && node.exemptable) start();
  });

  if (!node.exemptable) return null;
  const status = node.exemption?.status;
  const editing = current !== null || open;

  const save = (next: ExemptionEdit, delay: number) => {
    invalidateOverview();
    void saver.setExemption(unitId, node.code, baseOf(node), next, { delay });
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    if (current === null) setOpen(false);
    else void saver.flush(unitId, node.code);
    onEscape();
  };

  return (
    <section
      className={`exemption${current ? ' exemption-on' : ''}`}
      aria-labelledby={`${id}-title`}
      data-testid="exemption"
    >
      <h3 id={`${id}-title`}>
        {D.exemption}
        {current && status && <span className={`chip chip-${status}`}>{D.exemptionStatus[status]}</span>}
      </h3>
      {!editing && (
        <>
          <p className="hint">{node.leaf ? D.exemptionHelp : D.exemptionInner}</p>
          {!locked && (
            <button type="button" ref={startRef} className="button button-small button-secondary" onClick={start}>
              {D.proposeStart} <kbd aria-hidden="true">H</kbd>
            </button>
          )}
        </>
      )}
      {editing && (
        <div className="exemption-form" onKeyDown={onKeyDown}>
          <div className="field">
            <label htmlFor={`${id}-reason`}>
              {D.reason}{' '}
              <span className="required" aria-hidden="true">
                *
              </span>
            </label>
            <textarea
              id={`${id}-reason`}
              ref={reasonRef}
              rows={2}
              maxLength={1000}
              value={reason}
              disabled={locked}
              placeholder={D.reasonPlaceholder}
              onChange={(e) => {
                setReason(e.target.value);
                if (current && e.target.value.trim()) save({ reason: e.target.value, legalBasis }, TEXT_DEBOUNCE_MS);
              }}
              onBlur={() => {
                if (current && reason !== current.reason) save({ reason, legalBasis }, 0);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-basis`}>{D.legalBasis}</label>
            <input
              id={`${id}-basis`}
              type="text"
              maxLength={500}
              value={legalBasis}
              disabled={locked}
              placeholder={D.legalBasisPlaceholder}
              onChange={(e) => {
                setLegalBasis(e.target.value);
                if (current) save({ reason, legalBasis: e.target.value }, TEXT_DEBOUNCE_MS);
              }}
              onBlur={() => {
                if (current && legalBasis !== current.legalBasis) save({ reason, legalBasis }, 0);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && current === null) {
                  e.preventDefault();
                  save({ reason, legalBasis }, 0);
                }
              }}
            />
          </div>
          {!locked && (
            <div className="exemption-actions">
              {current === null ? (
                <>
                  <button
                    type="button"
                    className="button button-small button-primary"
                    onClick={() => save({ reason, legalBasis }, 0)}
                  >
                    {D.propose}
                  </button>
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    onClick={() => {
                      setOpen(false);
                      onEscape();
                    }}
                  >
                    {D.cancel}
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  className="button button-small button-danger"
                  onClick={() => {
                    invalidateOverview();
                    setOpen(false);
                    void saver.removeExemption(unitId, node.code, baseOf(node));
                  }}
                >
                  {D.removeExemption}
                </button>
              )}
            </div>
          )}
          {error && (
            <p className="field-error" role="alert" data-testid="exemption-error">
              {error.message}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
