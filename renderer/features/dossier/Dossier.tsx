import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { DossierNode, DossierView } from '../../../shared/contract/dossier.ts';
import type { Overview } from '../../../shared/contract/workspace.ts';
import { api } from '../../api/client.ts';
import { lastVisited, navigate, paths } from '../../app/route.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { useLoad } from '../../components/use-load.ts';
import { loadOverview } from '../home/units-cache.ts';
import { saver } from './saver.ts';
import { DossierBody } from './DossierBody.tsx';

export function Dossier({ unitId, code }: { unitId: string | null; code: string | null }) {
  const [overview] = useLoad(() => loadOverview(), 'overview');
  useEffect(() => {
    if (unitId || overview.state !== 'ready') return;
    const units = overview.value.units;
    const next = units.find((u) => u.appraised < u.total) ?? units[0];
    if (next) navigate(paths.unit(next.id), { replace: true });
  }, [unitId, overview]);
  if (!unitId) return overview.state === 'failed' ? <LoadFailed error={overview.error} /> : <Loading />;
  return <DossierScreen unitId={unitId} code={code} overview={overview.state === 'ready' ? overview.value : null} />;
}

function DossierScreen({ unitId, code, overview }: { unitId: string; code: string | null; overview: Overview | null }) {
  const [load, reload, setView] = useLoad(() => {
    saver.forget(unitId);
    return api.dossier.get({ unitId });
  }, unitId);
  useSyncExternalStore(saver.subscribeVersion, saver.version);

  // The core's answers to my changes (here, in the grid, or an undo) update the view.
  const [selected, setSelected] = useState<string | null>(code);
  useEffect(
    () =>
      saver.subscribe((e) => {
        if (e.type === 'bulk') {
          // Many cells at once: ask the core again (the view stays on screen meanwhile).
          if (e.unitIds.includes(unitId)) reload();
          return;
        }
        if (e.type !== 'saved' || e.unitId !== unitId || !viewRef.current) return;
        setView(applyChange(viewRef.current, e.change));
        if (e.undo) setSelected(e.code);
      }),
    [unitId, setView, reload],
  );
  const viewRef = useRef<DossierView | null>(null);
  viewRef.current = load.state === 'ready' ? load.value : null;

  useEffect(() => {
    lastVisited.set('unit', paths.unit(unitId));
  }, [unitId]);
  useEffect(() => {
    if (code) setSelected(code);
  }, [code]);

  if (load.state === 'loading') return <Loading />;
  if (load.state === 'failed') return <LoadFailed error={load.error} onRetry={reload} />;
  return <DossierBody view={load.value} overview={overview} selected={selected} setSelected={setSelected} />;
}

/** The view after a saved change: the node replaced, the unit's totals new. */
function applyChange(view: DossierView, change: { node: DossierNode; totals: DossierView['totals'] }): DossierView {
  return {
    ...view,
    nodes: view.nodes.map((n) => (n.code === change.node.code ? change.node : n)),
    totals: change.totals,
  };
}
