/** The current cycle's units: import from a file (preview, refusals in place, then commit), add, rename, reorder, remove. */
import { useCallback, useEffect, useState } from 'react';
import type { UploadedFile } from '../../../shared/contract/files.ts';
import type { ContractOutput } from '../../../shared/contract/index.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { LoadFailed, Loading } from '../../components/LoadState.tsx';
import { toastStore } from '../../components/toast-store.ts';
import { setupText } from '../../i18n/setup.ts';
import { CodedMessage, Upload } from './Upload.tsx';
import { invalidateOverview } from '../home/units-cache.ts';

const U = setupText.units;
type View = ContractOutput<'setup.units'>;
type Preview = ContractOutput<'setup.previewUnits'>;

export function UnitsTab() {
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<CodedError | null>(null);
  const load = useCallback(async () => {
    // Loaded first and after every change: the screens' cached overview (cycle, groups, units) is stale then.
    invalidateOverview();
    const r = await api.setup.units();
    if (r.ok) setView(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => void load(), [load]);
  if (error) return <LoadFailed error={error} onRetry={() => (setError(null), void load())} />;
  if (!view) return <Loading />;
  const locked = view.cycle.appraisalStarted !== null || view.cycle.status === 'finalised';
  const label = new Map(view.cycle.groups.map((g) => [g.code, g.label]));
  const ids = view.units.map((u) => u.id);
  const move = async (i: number, d: -1 | 1) => {
    const next = [...ids];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    const r = await api.setup.reorderUnits({ unitIds: next });
    if (!r.ok) return toastStore.error(r.error);
    setView(r.value);
  };
  const rename = async (id: string, old: string) => {
    const name = window.prompt(U.renamePrompt, old);
    if (!name || name === old) return;
    const r = await api.setup.editUnit({ unitId: id, patch: { name } });
    if (!r.ok) return toastStore.error(r.error);
    void load();
  };
  const remove = async (id: string, name: string) => {
    const r = await api.setup.removeUnit({ unitId: id });
    if (!r.ok) return toastStore.error(r.error);
    toastStore.info(U.removed(name));
    setView(r.value);
  };
  return (
    <>
      {!locked && <UnitImport labels={label} onCommitted={load} />}
      <section className="st-card" aria-labelledby="st-units" data-testid="setup-units">
        <h2 id="st-units">{U.title(view.cycle.name)}</h2>
        {locked && <p className="hint">{U.locked}</p>}
        {!locked && <AddUnit groups={view.cycle.groups} onAdded={load} />}
        <p className="muted">{U.count(view.units.length)}</p>
        {view.units.length === 0 ? (
          <p className="muted">{U.empty}</p>
        ) : (
          <div className="st-scroll">
            <table className="st-table">
              <thead>
                <tr>
                  <th>{U.order}</th>
                  <th>{U.name}</th>
                  <th>{U.group}</th>
                  <th>{U.shortName}</th>
                  <th>{U.head}</th>
                  {!locked && <th>{U.actions}</th>}
                </tr>
              </thead>
              <tbody>
                {view.units.map((u, i) => (
                  <tr key={u.id} data-testid="unit-row">
                    <td>{i + 1}</td>
                    <td>{u.name}</td>
                    <td>{label.get(u.group) ?? u.group}</td>
                    <td>{u.shortName}</td>
                    <td>{u.head}</td>
                    {!locked && (
                      <td>
                        <div className="st-row">
                          <button
                            type="button"
                            className="button button-quiet button-small"
                            disabled={i === 0}
                            aria-label={`${U.up}: ${u.name}`}
                            onClick={() => void move(i, -1)}
                          >
                            ↑
                          </button>
                          <button
                            type="button"
                            className="button button-quiet button-small"
                            disabled={i === ids.length - 1}
                            aria-label={`${U.down}: ${u.name}`}
                            onClick={() => void move(i, 1)}
                          >
                            ↓
                          </button>
                          <button
                            type="button"
                            className="button button-quiet button-small"
                            onClick={() => void rename(u.id, u.name)}
                          >
                            {U.rename}
                          </button>
                          <button
                            type="button"
                            className="button button-quiet button-small"
                            aria-label={`${U.remove}: ${u.name}`}
                            onClick={() => void remove(u.id, u.name)}
                          >
                            {U.remove}
                          </button>
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function AddUnit({ groups, onAdded }: { groups: View['cycle']['groups']; onAdded: () => void }) {
  const [name, setName] = useState('');
  const [group, setGroup] = useState(groups[0]?.code ?? '');
  const add = async () => {
    const r = await api.setup.addUnit({ name, group });
    if (!r.ok) return toastStore.error(r.error);
    setName('');
    onAdded();
  };
  return (
    <div className="st-row" style={{ marginBottom: 8 }}>
      <label className="st-field">
        {U.name}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="st-field">
        {U.group}
        <select value={group} onChange={(e) => setGroup(e.target.value)}>
          {groups.map((g) => (
            <option key={g.code} value={g.code}>
              {g.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={!name.trim()}
        onClick={() => void add()}
      >
        {U.add}
      </button>
    </div>
  );
}

function UnitImport({ labels, onCommitted }: { labels: ReadonlyMap<string, string>; onCommitted: () => void }) {
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<CodedError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (f: UploadedFile, commit: boolean) => {
    setBusy(true);
    setError(null);
    const r = commit
      ? await api.setup.commitUnits({ ticket: f.ticket })
      : await api.setup.previewUnits({ ticket: f.ticket });
    setBusy(false);
    if (!r.ok) return (setPreview(null), setError(r.error));
    if (commit) {
      toastStore.info(U.committed(r.value.added));
      setFile(null);
      setPreview(null);
      onCommitted();
    } else setPreview(r.value);
  };
  return (
    <section className="st-card" aria-labelledby="st-units-import" data-testid="units-import">
      <h2 id="st-units-import">{U.importTitle}</h2>
      <p className="hint">{U.importHint}</p>
      <div className="st-row">
        <Upload
          label={file ? file.name : U.importTitle}
          accept=".xlsx,.csv"
          testId="units-file"
          onFile={(f) => (setFile(f), setPreview(null), void run(f, false))}
        />
        {preview && file && (
          <button
            type="button"
            className="button button-primary button-small"
            disabled={busy}
            onClick={() => void run(file, true)}
          >
            {U.commit(preview.rows.length)}
          </button>
        )}
      </div>
      {error && <CodedMessage error={error} />}
      {preview && (
        <div data-testid="units-preview">
          <p>{U.previewSummary(preview.added, preview.updated)}</p>
          <div className="st-scroll">
            <table className="st-table">
              <thead>
                <tr>
                  <th>{U.row}</th>
                  <th>{U.name}</th>
                  <th>{U.group}</th>
                  <th>{U.head}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, 200).map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>{r.name}</td>
                    <td>{labels.get(r.group) ?? r.group}</td>
                    <td>{r.head}</td>
                    <td>{r.existing ? U.isExisting : U.isNew}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {preview.rows.length > 200 && <p className="muted">{U.more(preview.rows.length - 200)}</p>}
          </div>
        </div>
      )}
    </section>
  );
}
