/**
 * An audit row in full (before and after as indented JSON, reason, package, hash) and the
 * result of the store check (chain, signed heads, packages, snapshots, every problem found).
 */
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz-no-font.css';
import { useId } from 'react';
import type { AuditRowView, StoreCheckView } from '../../../shared/contract/audit.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { fullHash, shortHash, whenSeconds } from '../exchange/format.ts';

const A = exchangeText.audit;

function pretty(json: string | null): string {
  if (json === null) return '—';
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

export function RowDetail({ row, onClose }: { row: AuditRowView; onClose: () => void }) {
  const id = useId();
  return (
    <section className="card x-card s-audit-detail" aria-labelledby={`${id}-title`} data-testid="audit-detail">
      <header className="s-detail-head s-row-head">
        <h2 id={`${id}-title`}>
          {A.detail} #{row.seq}: {A.actions[row.action] ?? row.action}
        </h2>
        <button type="button" className="button button-quiet button-small" onClick={onClose}>
          {exchangeText.common.close}
        </button>
      </header>
      <dl className="x-facts">
        <dt>{A.columns.at}</dt>
        <dd>{whenSeconds(row.at)}</dd>
        <dt>{A.columns.actor}</dt>
        <dd>{row.actorName}</dd>
        <dt>{A.columns.entity}</dt>
        <dd>
          {A.entities[row.entity] ?? row.entity} · <code>{row.entityId}</code>
        </dd>
        {row.reason && (
          <>
            <dt>{A.columns.reason}</dt>
            <dd>{row.reason}</dd>
          </>
        )}
        {row.packageHash && (
          <>
            <dt>{A.pkg}</dt>
            <dd>
              <code>{shortHash(row.packageHash)}</code>
            </dd>
          </>
        )}
        <dt>{A.columns.hash}</dt>
        <dd>
          <code className="s-hash">{fullHash(row.hash)}</code>
        </dd>
      </dl>
      <div className="s-json-pair">
        <div>
          <h3>{A.before}</h3>
          <pre className="s-json">{pretty(row.before)}</pre>
        </div>
        <div>
          <h3>{A.after}</h3>
          <pre className="s-json">{pretty(row.after)}</pre>
        </div>
      </div>
    </section>
  );
}

export function CheckResult({ check }: { check: StoreCheckView }) {
  return (
    <section
      className={`card x-card s-check ${check.ok ? 's-check-ok' : 's-check-bad'}`}
      role="status"
      data-testid="verify-result"
      data-ok={String(check.ok)}
    >
      {check.chain.ok ? (
        <p className="x-strong">{A.intact(check.chain.rows ?? 0)}</p>
      ) : (
        <p className="x-strong">{A.broken(check.chain.brokenAt ?? 0, check.chain.reason ?? '')}</p>
      )}
      {check.chain.head && (
        <p className="x-small">
          {A.head}: <code className="s-hash">{fullHash(check.chain.head)}</code>
        </p>
      )}
      <ul className="x-small">
        {check.packages.bad.length === 0 ? (
          <li>{A.packagesOk(check.packages.checked)}</li>
        ) : (
          check.packages.bad.map((b) => <li key={b.packageHash}>{A.badPackage(shortHash(b.packageHash), b.reason)}</li>)
        )}
        {check.snapshots.bad.length === 0 ? (
          <li>{A.snapshotsOk(check.snapshots.checked)}</li>
        ) : (
          check.snapshots.bad.map((b) => <li key={b.id}>{A.badSnapshot(b.id, b.reason)}</li>)
        )}
        <li data-testid="verify-heads">{A.headsSigned(check.heads.signed, check.heads.lastSignedSeq)}</li>
        {check.heads.keyFingerprint && (
          <li>
            {A.headKey}: <code className="s-hash">{fullHash(check.heads.keyFingerprint)}</code>
          </li>
        )}
        {check.problems.length === 0 && <li>{A.recomputedOk}</li>}
      </ul>
      {check.problems.length > 0 && (
        <>
          <p className="x-strong">{A.problemsTitle(check.problems.length)}</p>
          <ul className="x-small" data-testid="verify-problems">
            {check.problems.map((p, i) => (
              <li key={i} data-code={p.code} data-unit={p.unitId ?? undefined} data-node={p.nodeCode ?? undefined}>
                <code>{p.code}</code> {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted x-small">{A.checkedAt(whenSeconds(check.checkedAt))}</p>
    </section>
  );
}
