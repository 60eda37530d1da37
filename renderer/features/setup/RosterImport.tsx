/**
 * The roster from a .xlsx/.csv list on the set-up screen: upload, preview (every row with
 * its role and fields, refusals with row and column), then write.
 */
import { describeAssignments } from '../../../shared/council/assignment.ts';
import { groupShort } from '../../app/groups.ts';
import { useState } from 'react';
import type { UploadedFile } from '../../../shared/contract/files.ts';
import type { ContractOutput } from '../../../shared/contract/index.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { toastStore } from '../../components/toast-store.ts';
import { setupText } from '../../i18n/setup.ts';
import { CodedMessage, Upload } from './Upload.tsx';

const R = setupText.roster;

export function RosterImport({ onCommitted }: { onCommitted: () => void }) {
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [preview, setPreview] = useState<ContractOutput<'setup.previewRoster'> | null>(null);
  const [error, setError] = useState<CodedError | null>(null);
  const run = async (f: UploadedFile, commit: boolean) => {
    setError(null);
    const r = commit
      ? await api.setup.commitRoster({ ticket: f.ticket })
      : await api.setup.previewRoster({ ticket: f.ticket });
    if (!r.ok) return (setPreview(null), setError(r.error));
    if (commit) {
      toastStore.info(R.committed(r.value.rows.length));
      setFile(null);
      setPreview(null);
      onCommitted();
    } else setPreview(r.value);
  };
  return (
    <section className="st-card" aria-labelledby="st-roster-import" data-testid="roster-import">
      <h2 id="st-roster-import">{R.importTitle}</h2>
      <p className="hint">{R.importHint}</p>
      <div className="st-row">
        <Upload
          label={file ? file.name : R.importTitle}
          accept=".xlsx,.csv"
          testId="roster-file"
          onFile={(f) => (setFile(f), void run(f, false))}
        />
        {preview && file && (
          <button type="button" className="button button-primary button-small" onClick={() => void run(file, true)}>
            {R.commit(preview.rows.length)}
          </button>
        )}
      </div>
      {error && <CodedMessage error={error} />}
      {preview && (
        <div data-testid="roster-preview">
          <p>{R.previewSummary(preview.added, preview.updated)}</p>
          <table className="st-table">
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>{r.name}</td>
                  <td>{r.position}</td>
                  <td>{R.roles[r.role === 'secretariat' ? 'secretariat' : r.councilRole]}</td>
                  <td>{describeAssignments(r.fields, groupShort)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
