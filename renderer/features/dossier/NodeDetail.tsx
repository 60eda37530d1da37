import { useEffect } from 'react';
import type { DossierNode, DossierView } from '../../../shared/contract/dossier.ts';
import { formatIsoDate } from '../../../shared/format/vi.ts';
import { pct, pts } from '../../components/format.ts';
import { errorKey, inlineErrors } from '../../components/inline-errors.ts';
import { LockIcon } from '../../components/icons.tsx';
import { vi } from '../../i18n/vi.ts';
import { currentEdit, type Locks } from './actions.ts';
import { CommentBox } from './CommentBox.tsx';
import { MyEvidence, UnitEvidence } from './EvidencePanel.tsx';
import { ExemptionBox } from './ExemptionBox.tsx';
import { describeInput, figureText, ruleLines, selfChanged } from './model.ts';
import { ScoreControl } from './ScoreControl.tsx';
import { saver } from './saver.ts';

const D = vi.dossier.detail;

export interface Commands {
  readonly control: number;
  readonly comment: number;
  readonly evidence: number;
  readonly exemption: number;
}

function SelfRound({
  label,
  round,
  node,
  highlight,
}: {
  label: string;
  round: DossierNode['round1'];
  node: DossierNode;
  highlight: boolean;
}) {
  return (
    <div className={`round${highlight ? ' round-changed' : ''}`}>
      <span className="round-label">{label}</span>
      <span className="round-score">{pts(round?.score ?? null)}</span>
      <span className="round-input">{round ? describeInput(node.scoring, round.input) : ''}</span>
    </div>
  );
}

function Declared({ node }: { node: DossierNode }) {
  if (!node.declared || Object.keys(node.declared).length === 0) return null;
  const labels: Record<string, string> = { a: D.declaredA, b: D.declaredB };
  return (
    <dl className="declared">
      {Object.entries(node.declared).map(([k, v]) => (
        <div key={k}>
          <dt>{labels[k] ?? k}</dt>
          <dd>{figureText(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function NodeDetail({
  unitId,
  view,
  node,
  locks,
  commands,
  onEscape,
}: {
  unitId: string;
  view: DossierView;
  node: DossierNode;
  locks: Locks;
  commands: Commands;
  onEscape: () => void;
}) {
  // This sub-criterion's refusals show here, next to the control: not again as a toast.
  useEffect(() => inlineErrors.claim(errorKey(unitId, node.code)), [unitId, node.code]);
  const edit = currentEdit(unitId, node);
  const rules = ruleLines(node.scoring);
  const field = node.depth === 0 ? view.totals.fields.find((f) => f.code === node.code) : undefined;
  const children = view.nodes.filter((n) => n.parent === node.code).length;
  const changed = selfChanged(node);
  const locked = locks.readOnly !== null;
  const lock = locks.score;

  return (
    <article className="detail" aria-labelledby="detail-title" data-testid="detail" data-code={node.code}>
      <header className="detail-header">
        <p className="detail-code">
          {node.code}
          {node.leaf && node.scoring && <span className="chip">{vi.kinds[node.scoring.kind]}</span>}
          {locked && (
            <span className="chip chip-locked">
              <LockIcon /> {vi.dossier.list.readOnly}
            </span>
          )}
        </p>
        <h2 id="detail-title">{node.title}</h2>
        <p className="detail-max">
          {D.max}: <strong>{pts(node.maxPoints)}</strong>
          {!node.leaf && ` · ${D.innerSummary(children)}`}
          {field && ` · ${pts(field.points, 2)}/${pts(field.benchmark, 2)} (${pct(field.percent)})`}
        </p>
      </header>

      {!node.leaf ? (
        <div className="detail-body">
          {node.exemptable && (
            <ExemptionBox
              unitId={unitId}
              node={node}
              locked={locks.exemption}
              focusSeq={commands.exemption}
              onEscape={onEscape}
            />
          )}
          {locks.readOnly && (
            <p className="notice notice-locked">
              <LockIcon /> {locks.readOnly}
            </p>
          )}
        </div>
      ) : (
        <div className="detail-columns">
          <section className="detail-col" aria-labelledby="unit-section">
            <h3 id="unit-section">{D.unitSection}</h3>
            <div className="rounds">
              <SelfRound label={D.round1} round={node.round1} node={node} highlight={false} />
              <span className="round-arrow" aria-hidden="true">
                →
              </span>
              <SelfRound label={D.round2} round={node.round2} node={node} highlight={changed} />
              {changed && <span className="chip chip-changed">{D.changed}</span>}
            </div>
            <Declared node={node} />
            <h4>{D.explanation}</h4>
            <p className={node.explanation ? 'explanation' : 'muted'}>{node.explanation || D.noExplanation}</p>
            <h4>{D.unitEvidence}</h4>
            <UnitEvidence unitId={unitId} node={node} mine={edit.evidence} locked={lock !== null} />
            <details className="guide" open>
              <summary>{D.guide}</summary>
              {node.guide && <p>{node.guide}</p>}
              {rules.length > 0 && (
                <ul className="rules">
                  {rules.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              )}
              {node.evidenceRequirement && (
                <p>
                  <strong>{D.evidenceRequirement}:</strong> {node.evidenceRequirement}
                </p>
              )}
            </details>
          </section>

          <section
            className={`detail-col detail-mine${locked ? ' is-locked' : ''}`}
            aria-labelledby="mine-section"
            data-testid="mine"
          >
            <h3 id="mine-section">{locked ? D.readOnlySection : D.mySection}</h3>
            {lock && (
              <p className="notice notice-locked" data-testid="lock-reason">
                <LockIcon /> {lock}
              </p>
            )}
            {node.scoring?.kind !== 'survey' && (
              <ScoreControl
                unitId={unitId}
                node={node}
                edit={edit}
                locked={lock !== null}
                coreError={saver.error(unitId, node.code)}
                focusSeq={commands.control}
                onEscape={onEscape}
                exempted={locks.exempted}
              />
            )}
            {node.scoring?.kind === 'survey' && (
              <p>
                {D.effective}: <strong>{pts(node.effective)}</strong>
              </p>
            )}
            {/* An exempted sub-criterion counts nowhere: no "score counted meanwhile" beside its lowered benchmark. */}
            {node.appraisal === null &&
              node.effective !== null &&
              node.scoring?.kind !== 'survey' &&
              !locks.exempted && (
                <p className="hint">
                  {D.effective}: {pts(node.effective)} ({D.provisional})
                </p>
              )}
            <h4>{D.myEvidence}</h4>
            <MyEvidence
              unitId={unitId}
              node={node}
              mine={edit.evidence}
              documents={view.documents}
              locked={lock !== null}
              focusSeq={commands.evidence}
              onEscape={onEscape}
            />
            <CommentBox
              unitId={unitId}
              node={node}
              comment={edit.comment}
              locked={lock !== null}
              focusSeq={commands.comment}
              onEscape={onEscape}
            />
            <ExemptionBox
              unitId={unitId}
              node={node}
              locked={locks.exemption}
              focusSeq={commands.exemption}
              onEscape={onEscape}
            />
            {node.appraisal && <p className="hint">{D.updatedAt(formatIsoDate(node.appraisal.updatedAt))}</p>}
          </section>
        </div>
      )}
    </article>
  );
}
