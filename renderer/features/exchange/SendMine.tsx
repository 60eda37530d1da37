/** Sending my signed appraisal package to the secretariat: it is exported and saved as a file, with what it skipped. */
import { useId, useState } from 'react';
import type { MemberExchangeStatus } from '../../../shared/contract/exchange.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { CodedMessage } from './Coded.tsx';
import { count, shortHash, when } from './format.ts';
import { saveAndTell } from './save.ts';
const X = exchangeText.exchange;

export function SendMine({ status, onSent }: { status: MemberExchangeStatus; onSent: () => void }) {
  const id = useId();
  const S = X.send;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CodedError | null>(null);
  const [last, setLast] = useState<{ ticket: string; fileName: string; text: string; skipped: string[] } | null>(null);
  const blocked = status.rosterKey !== 'ok';

  const exportMine = async () => {
    setBusy(true);
    setError(null);
    const r = await api.exchange.exportMine();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    const v = r.value;
    setLast({
      ticket: v.file.ticket,
      fileName: v.file.fileName,
      text: S.done(v.sequence, v.items),
      skipped: v.skipped.map((s) => `${s.unitName}, ${s.nodeCode}: ${s.reason}`),
    });
    onSent();
    await saveAndTell(v.file.ticket, v.file.fileName);
  };

  return (
    <article className="card x-card" aria-labelledby={`${id}-title`} data-testid="send-mine">
      <h2 id={`${id}-title`}>{S.title}</h2>
      <p className="muted x-small">{S.intro}</p>
      {!status.cycle && <p className="notice notice-locked">{X.sendAfterCycle}</p>}
      {status.cycle && status.me && <p className="x-strong">{S.items(status.items)}</p>}
      {blocked && status.cycle && <p className="notice notice-locked">{S.rosterKey[status.rosterKey]}</p>}
      {error && <CodedMessage error={error} testId="send-error" />}
      <div className="x-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void exportMine()}
          disabled={busy || blocked || !status.cycle}
        >
          {busy ? S.exporting : S.export}
        </button>
      </div>
      {last && (
        <div className="notice x-done" role="status" data-testid="send-done">
          <span>
            {last.text} <code className="x-file">{last.fileName}</code>
          </span>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => void saveAndTell(last.ticket, last.fileName)}
          >
            {exchangeText.common.saveAgain}
          </button>
          {last.skipped.length > 0 && (
            <div className="x-skipped">
              <p>{S.skipped(last.skipped.length)}</p>
              <ul>
                {last.skipped.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {status.exports.length > 0 && (
        <table className="data-table x-table" aria-label={S.history}>
          <caption className="x-caption">{S.history}</caption>
          <thead>
            <tr>
              <th className="c-num">{S.seq}</th>
              <th>{S.createdAt}</th>
              <th className="c-num">{S.count}</th>
              <th>{exchangeText.common.hash}</th>
            </tr>
          </thead>
          <tbody>
            {status.exports.map((e) => (
              <tr key={e.packageHash}>
                <td className="c-num">{count(e.sequence)}</td>
                <td>{when(e.createdAt)}</td>
                <td className="c-num">{count(e.items)}</td>
                <td>
                  <code>{shortHash(e.packageHash)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
