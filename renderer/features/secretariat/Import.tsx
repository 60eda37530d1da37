/**
 * Nhập kết quả: drop one or many appraisal packages → per file a preview (member, sequence,
 * new / changed / conflicting counts and rows) or its refusal (Vietnamese message and code)
 * → commit the acceptable ones, each wholly or not at all.
 */
import { useId, useState } from 'react';
import type { FilePreview, ImportOutcomeView, PackagePreview } from '../../../shared/contract/exchange.ts';
import { api } from '../../api/client.ts';
import { hrefFor } from '../../app/route.ts';
import { pts } from '../../components/format.ts';
import { toastStore } from '../../components/toast-store.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { CodedMessage } from '../exchange/Coded.tsx';
import { APPRAISAL_CEILING_BYTES } from '../../../shared/exchange/appraisal-package.ts';
import { FilePicker } from '../exchange/FilePicker.tsx';
import { Fingerprint } from '../exchange/Fingerprint.tsx';
import { uploadFile } from '../exchange/files.ts';
import { count, when } from '../exchange/format.ts';
import { exchangePaths } from './paths.ts';
import { StepHead } from './StepHead.tsx';

const I = exchangeText.imports;

export function Import() {
  const [files, setFiles] = useState<FilePreview[]>([]);
  const [busy, setBusy] = useState<'check' | 'commit' | null>(null);
  const [outcomes, setOutcomes] = useState<ImportOutcomeView[] | null>(null);

  const add = async (picked: File[]) => {
    setBusy('check');
    setOutcomes(null);
    const uploaded: FilePreview[] = [];
    const tickets: string[] = [];
    for (const f of picked) {
      const up = await uploadFile(f, { maxBytes: APPRAISAL_CEILING_BYTES });
      if (up.ok) tickets.push(up.value.ticket);
      else uploaded.push({ ticket: `local-${f.name}-${Math.random()}`, file: f.name, ok: false, error: up.error });
    }
    let previews: FilePreview[] = [];
    if (tickets.length > 0) {
      const r = await api.secretariat.previewImport({ tickets });
      if (r.ok) previews = r.value.files;
      else toastStore.error(r.error);
    }
    setBusy(null);
    // A file chosen again replaces its earlier preview.
    setFiles((old) => {
      const next = [...previews, ...uploaded];
      const names = new Set(next.map((p) => p.file));
      return [...old.filter((p) => !names.has(p.file)), ...next];
    });
  };

  const acceptable = files.filter((f): f is Extract<FilePreview, { ok: true }> => f.ok && f.preview.state === 'new');
  const commit = async () => {
    if (acceptable.length === 0) return;
    setBusy('commit');
    const r = await api.secretariat.commitImport({
      items: acceptable.map((f) => ({ ticket: f.ticket, expectedHash: f.preview.packageHash })),
    });
    setBusy(null);
    if (!r.ok) return toastStore.error(r.error);
    setOutcomes(r.value.outcomes);
    setFiles([]);
  };

  return (
    <>
      <StepHead title={I.title} lead={I.lead} />
      <FilePicker
        label={I.title}
        accept=".json"
        multiple
        busy={busy === 'check'}
        onFiles={(f) => void add(f)}
        maxBytes={APPRAISAL_CEILING_BYTES}
        testId="import-drop"
      />
      {outcomes && <Outcomes outcomes={outcomes} />}
      {files.length > 0 && (
        <div className="s-previews" data-testid="import-previews">
          {files.map((f) => (
            <FileCard
              key={f.ticket}
              file={f}
              onRemove={() => setFiles((all) => all.filter((x) => x.ticket !== f.ticket))}
            />
          ))}
          <div className="s-commit-bar">
            {acceptable.length > 1 && <p className="hint s-commit-hint">{I.together}</p>}
            <button
              type="button"
              className="button button-primary"
              disabled={acceptable.length === 0 || busy !== null}
              onClick={() => void commit()}
              data-testid="import-commit"
            >
              {busy === 'commit' ? I.committing : acceptable.length === 0 ? I.nothing : I.commit(acceptable.length)}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

function Outcomes({ outcomes }: { outcomes: ImportOutcomeView[] }) {
  const conflicts = outcomes.reduce((s, o) => s + (o.counts?.conflicts ?? 0), 0);
  return (
    <section className="card x-card s-outcomes" aria-label={I.results} data-testid="import-outcomes">
      <h2>{I.results}</h2>
      <ul>
        {outcomes.map((o) => (
          <li key={o.ticket} className={`s-outcome s-outcome-${o.status}`} data-status={o.status}>
            <span>{o.message}</span>
            {o.code && o.status === 'refused' && (
              <span className="x-error-code">
                {exchangeText.common.code}: <code>{o.code}</code>
              </span>
            )}
          </li>
        ))}
      </ul>
      {conflicts > 0 && (
        <a className="button button-secondary" href={hrefFor(exchangePaths.tab('y-kien'))}>
          {I.toConflicts}
        </a>
      )}
    </section>
  );
}

function FileCard({ file, onRemove }: { file: FilePreview; onRemove: () => void }) {
  const id = useId();
  return (
    <article
      className={`card s-file${file.ok ? '' : ' s-file-refused'}`}
      aria-labelledby={`${id}-name`}
      data-testid="import-file"
      data-file={file.file}
      data-ok={String(file.ok)}
    >
      <header className="s-file-head">
        <h2 id={`${id}-name`} className="s-file-name">
          <code>{file.file}</code>
        </h2>
        <span className={`chip ${file.ok ? `x-chip-${file.preview.state}` : 'chip-rejected'}`} data-testid="file-state">
          {file.ok ? I.states[file.preview.state] : I.refused}
        </span>
        <button type="button" className="button button-quiet button-small" onClick={onRemove}>
          {I.remove}
        </button>
      </header>
      {file.ok ? <Preview p={file.preview} /> : <CodedMessage error={file.error} testId="file-error" />}
    </article>
  );
}

function Preview({ p }: { p: PackagePreview }) {
  const c = p.counts;
  const stat = (label: string, v: number, cls = '', testId?: string) => (
    <span className={`s-count${v > 0 ? ` ${cls}` : ''}`} data-testid={testId}>
      <span className="s-count-v">{count(v)}</span> {label}
    </span>
  );
  return (
    <>
      <dl className="x-facts s-file-facts">
        <dt>{I.member}</dt>
        <dd data-testid="file-member">{p.member.name}</dd>
        <dt>{exchangeText.fingerprint.label}</dt>
        <dd>
          <Fingerprint display={p.member.display} size="small" />
        </dd>
        <dt>{I.createdAt}</dt>
        <dd>
          {when(p.createdAt)} · {I.sequence(p.sequence, p.lastSequence)}
        </dd>
      </dl>
      {p.gap && <p className="notice notice-locked x-small">{I.gap}</p>}
      {p.state === 'new' && (
        <p className="s-counts" data-testid="file-counts">
          {stat(I.counts.added, c.added, 's-count-add', 'count-added')}
          {stat(I.counts.changed, c.changed, 's-count-change', 'count-changed')}
          {stat(I.counts.removed, c.removed, 's-count-change', 'count-removed')}
          {stat(I.counts.unchanged, c.unchanged)}
          <span className={`s-count${c.conflicts > 0 ? ' s-count-conflict' : ''}`} data-testid="count-conflicts">
            <span className="s-count-v">{count(c.conflicts)}</span> {I.counts.conflicts}
            {c.newConflicts > 0 && ` (${count(c.newConflicts)} ${I.counts.newConflicts})`}
          </span>
          {stat(I.counts.exemptionsProposed, c.exemptionsProposed, 's-count-exempt', 'count-exemptions')}
          {stat(I.counts.declarationsAdded, c.declarationsAdded, 's-count-exempt')}
        </p>
      )}
      {p.conflicts.filter((x) => x.status === 'open').length > 0 && (
        <div className="s-file-conflicts">
          <h3>{I.conflictsTitle}</h3>
          <ul>
            {p.conflicts
              .filter((x) => x.status === 'open')
              .map((x) => (
                <li key={`${x.unitId}/${x.nodeCode}`}>
                  <span className="x-strong">{x.unitName}</span>, {x.nodeCode} {x.nodeTitle}:{' '}
                  {x.sides.map((s) => `${s.memberName} ${pts(s.score)}`).join(' · ')}
                </li>
              ))}
          </ul>
        </div>
      )}
      {p.changes.length > 0 && (
        <details className="s-details">
          <summary>{I.details}</summary>
          {p.changesTotal > p.changes.length && <p className="hint">{I.more(p.changes.length, p.changesTotal)}</p>}
          <table className="data-table s-changes">
            <thead>
              <tr>
                <th>{I.unit}</th>
                <th>{I.node}</th>
                <th />
                <th className="c-num">{I.before}</th>
                <th className="c-num">{I.after}</th>
              </tr>
            </thead>
            <tbody>
              {p.changes.map((ch) => (
                <tr key={`${ch.kind}/${ch.unitId}/${ch.nodeCode}`}>
                  <td>{ch.unitName}</td>
                  <td>
                    <span className="s-code">{ch.nodeCode}</span> {ch.nodeTitle}
                  </td>
                  <td>
                    <span className={`chip s-kind-${ch.kind}`}>{I.kinds[ch.kind]}</span>
                  </td>
                  <td className="c-num">{side(ch.before)}</td>
                  <td className="c-num">{side(ch.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </>
  );
}

function side(s: PackagePreview['changes'][number]['before']): string {
  if (!s) return '—';
  if (s.exemption) return I.exempt;
  return pts(s.score);
}
