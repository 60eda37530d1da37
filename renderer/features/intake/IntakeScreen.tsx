/**
 * Tiếp nhận hồ sơ tự đánh giá (secretariat): pick a unit and a round, choose the workbook
 * and the evidence .zip (uploaded by ticket), preview (items, totals, files found / missing /
 * not cited, round-2 changes), commit. Both run as a core job: a progress bar with counts
 * and a cancel button; a cancelled job writes nothing.
 */
import { useEffect, useRef, useState } from 'react';
import { FILE_LIMITS, fileSizeText, type UploadedFile } from '../../../shared/contract/files.ts';
import type { IntakeJobStatus, IntakePreview } from '../../../shared/contract/intake.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { toastStore } from '../../components/toast-store.ts';
import { intakeText } from '../../i18n/intake.ts';
import { CodedMessage } from '../exchange/Coded.tsx';
import { FilePicker } from '../exchange/FilePicker.tsx';
import { uploadFile } from '../exchange/files.ts';
import { saveAndTell } from '../exchange/save.ts';
import './intake.css';
import { invalidateOverview } from '../home/units-cache.ts';
import { CollectedImport } from './CollectedImport.tsx';
import { PreviewView } from './IntakePreview.tsx';

type Units = { id: string; name: string; group: string; rounds: number[] }[];

export function IntakeScreen() {
  const [units, setUnits] = useState<Units>([]);
  const [groups, setGroups] = useState<{ code: string; label: string }[]>([]);
  const [error, setError] = useState<CodedError | null>(null);
  const load = async () => {
    // Loaded first and after every change: the screens' cached overview (cycle, groups, units) is stale then.
    invalidateOverview();
    const r = await api.intake.units({});
    if (!r.ok) return setError(r.error);
    setUnits(r.value.units);
    setGroups(r.value.groups);
  };
  useEffect(() => void load(), []);

  if (error)
    return (
      <section className="i-page">
        <h1>{intakeText.title}</h1>
        <CodedMessage error={error} testId="intake-error" />
      </section>
    );
  return (
    <section className="i-page" data-testid="intake">
      <header>
        <h1>{intakeText.title}</h1>
        <p className="hint">{intakeText.lead}</p>
      </header>
      <Templates groups={groups} />
      <IntakeForm units={units} onCommitted={() => void load()} />
      <CollectedImport onCommitted={() => void load()} />
    </section>
  );
}

function Templates({ groups }: { groups: { code: string; label: string }[] }) {
  const get = async (group: string) => {
    const r = await api.intake.template({ group });
    if (!r.ok) return toastStore.error(r.error);
    await saveAndTell(r.value.ticket, r.value.fileName);
  };
  return (
    <section className="card">
      <h2>{intakeText.template.title}</h2>
      <p className="hint">{intakeText.template.hint}</p>
      <div className="i-templates">
        {groups.map((g) => (
          <button
            key={g.code}
            type="button"
            className="button button-secondary button-small"
            onClick={() => void get(g.code)}
            data-testid={`template-${g.code}`}
          >
            {intakeText.template.download(g.label)}
          </button>
        ))}
      </div>
    </section>
  );
}

function IntakeForm({ units, onCommitted }: { units: Units; onCommitted: () => void }) {
  const [unitId, setUnitId] = useState('');
  const [round, setRound] = useState<1 | 2>(1);
  const [workbook, setWorkbook] = useState<File | null>(null);
  const [evidence, setEvidence] = useState<File | null>(null);
  const uploaded = useRef(new Map<File, UploadedFile>());
  const [uploading, setUploading] = useState<{ name: string; share: number } | null>(null);
  const [status, setStatus] = useState<IntakeJobStatus | null>(null);
  const [preview, setPreview] = useState<IntakePreview | null>(null);
  const [error, setError] = useState<CodedError | null>(null);
  const timer = useRef<number | null>(null);
  useEffect(() => () => void (timer.current !== null && window.clearTimeout(timer.current)), []);

  const upload = async (f: File, maxBytes: number): Promise<UploadedFile | null> => {
    const seen = uploaded.current.get(f);
    if (seen) return seen;
    setUploading({ name: f.name, share: 0 });
    const r = await uploadFile(f, {
      maxBytes,
      onProgress: (sent, total) => setUploading({ name: f.name, share: sent / total }),
    });
    setUploading(null);
    if (!r.ok) {
      setError(r.error);
      return null;
    }
    uploaded.current.set(f, r.value);
    return r.value;
  };

  const poll = (job: string, commit: boolean) => {
    timer.current = window.setTimeout(async () => {
      const r = await api.intake.status({ job });
      if (!r.ok) return setError(r.error);
      setStatus(r.value);
      if (r.value.state === 'running') return poll(job, commit);
      if (r.value.state === 'done') {
        setPreview(r.value.preview);
        if (commit && r.value.committed) {
          const p = r.value.committed.preview;
          toastStore.info(intakeText.committed(p.unitName, p.round, r.value.committed.newFiles));
          onCommitted();
        }
      } else if (r.value.error) setError(r.value.error);
    }, 250);
  };

  const run = async (commit: boolean) => {
    if (!unitId || !workbook) return toastStore.info(intakeText.form.needs);
    setError(null);
    if (!commit) setPreview(null);
    const wb = await upload(workbook, FILE_LIMITS.uploadMaxBytes);
    if (!wb) return;
    const ev = evidence ? await upload(evidence, FILE_LIMITS.partsMaxBytes) : null;
    if (evidence && !ev) return;
    const r = await api.intake.start({ unitId, round, workbook: wb.ticket, evidence: ev?.ticket ?? null, commit });
    if (!r.ok) return setError(r.error);
    setStatus({ job: r.value.job, state: 'running', progress: null, preview: null, committed: null, error: null });
    poll(r.value.job, commit);
  };

  const cancel = async () => {
    if (!status) return;
    const r = await api.intake.cancel({ job: status.job });
    if (r.ok) setStatus(r.value);
  };

  const running = status?.state === 'running' || uploading !== null;
  const reset = () => {
    setPreview(null);
    setStatus(null);
    setError(null);
  };
  const committed = status?.state === 'done' && status.committed !== null;

  return (
    <>
      <section className="card">
        <form className="i-form" onSubmit={(e) => (e.preventDefault(), void run(false))}>
          <label className="i-field">
            {intakeText.form.unit}
            <select
              value={unitId}
              onChange={(e) => (setUnitId(e.target.value), reset())}
              data-testid="intake-unit"
              disabled={running}
            >
              <option value="">{intakeText.form.chooseUnit}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({intakeText.form.rounds(u.rounds)})
                </option>
              ))}
            </select>
          </label>
          <fieldset className="i-rounds" disabled={running}>
            <legend className="sr-only">{intakeText.form.round}</legend>
            {([1, 2] as const).map((r) => (
              <label key={r}>
                <input
                  type="radio"
                  name="round"
                  checked={round === r}
                  onChange={() => (setRound(r), reset())}
                  data-testid={`intake-round-${r}`}
                />{' '}
                {r === 1 ? intakeText.form.round1 : intakeText.form.round2}
              </label>
            ))}
          </fieldset>
          <div className="i-files">
            <div>
              <strong>{intakeText.form.workbook}</strong>
              <FilePicker
                label={intakeText.form.workbook}
                accept=".xlsx"
                busy={running}
                onFiles={(f) => (setWorkbook(f[0] ?? null), reset())}
                testId="intake-workbook"
              />
              {workbook && (
                <p className="muted" data-testid="intake-workbook-name">
                  {workbook.name} ({fileSizeText(workbook.size)})
                </p>
              )}
            </div>
            <div>
              <strong>{intakeText.form.evidence}</strong>
              <FilePicker
                label={intakeText.form.evidence}
                accept=".zip"
                busy={running}
                maxBytes={FILE_LIMITS.partsMaxBytes}
                onFiles={(f) => (setEvidence(f[0] ?? null), reset())}
                testId="intake-evidence"
              />
              {evidence && (
                <p className="muted" data-testid="intake-evidence-name">
                  {evidence.name} ({fileSizeText(evidence.size)})
                </p>
              )}
            </div>
          </div>
          <div className="i-actions">
            <button
              type="submit"
              className="button button-secondary"
              disabled={running || !unitId || !workbook}
              data-testid="intake-preview"
            >
              {intakeText.form.preview}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={running || !preview || !preview.canCommit || committed}
              onClick={() => void run(true)}
              data-testid="intake-commit"
            >
              {intakeText.form.commit}
            </button>
          </div>
        </form>
        {uploading && (
          <div className="i-progress" data-testid="intake-uploading">
            <progress className="bar" value={uploading.share} max={1} />
            <span className="progress-text">{intakeText.form.uploading(uploading.name)}</span>
          </div>
        )}
        {status?.state === 'running' && <Progress status={status} onCancel={() => void cancel()} />}
        {status?.state === 'cancelled' && (
          <p className="hint" data-testid="intake-cancelled">
            {intakeText.progress.cancelled}
          </p>
        )}
        {error && <CodedMessage error={error} testId="intake-error" />}
      </section>
      {preview && <PreviewView p={preview} />}
    </>
  );
}

function Progress({ status, onCancel }: { status: IntakeJobStatus; onCancel: () => void }) {
  const p = status.progress;
  const share = p ? (p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : p.total > 0 ? p.done / p.total : 0) : 0;
  return (
    <div className="i-progress" data-testid="intake-progress" role="status">
      <progress className="bar bar-large" value={share} max={1} aria-label={intakeText.progress.label} />
      <button type="button" className="button button-quiet button-small" onClick={onCancel} data-testid="intake-cancel">
        {intakeText.form.cancel}
      </button>
      <span className="progress-text">
        {p
          ? `${intakeText.progress.phases[p.phase] ?? p.phase}: ${intakeText.progress.counts(p.done, p.total)}${p.bytesTotal > 0 ? ` · ${fileSizeText(p.bytesDone)}/${fileSizeText(p.bytesTotal)}` : ''}`
          : '…'}
      </span>
    </div>
  );
}
