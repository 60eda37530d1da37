/**
 * The results screens as the app's navigation registers them: one entry in the top bar
 * (Kết quả); tables, charts, narrative, imports and documents are its sub-navigation
 * (ResultsLayout). The screen for each address: see paths.ts. Every screen loads
 * on first use (ag-grid and chart.js stay out of the start).
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Loading } from '../../components/LoadState.tsx';
import { resultsText } from '../../i18n/results.ts';
import { parseResultsRoute, resultsPaths } from './paths.ts';

const Tables = lazy(() => import('./ResultsTables.tsx').then((m) => ({ default: m.ResultsTables })));
const Unit = lazy(() => import('./UnitResult.tsx').then((m) => ({ default: m.UnitResult })));
const Charts = lazy(() => import('./Charts.tsx').then((m) => ({ default: m.Charts })));
const Narrative = lazy(() => import('./Narrative.tsx').then((m) => ({ default: m.Narrative })));
const Imports = lazy(() => import('../imports/Imports.tsx').then((m) => ({ default: m.Imports })));
const Documents = lazy(() => import('../documents/Documents.tsx').then((m) => ({ default: m.Documents })));

const wrap = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

/** Navigation entries (same shape as the app's Screen). */
export const RESULTS_SCREENS = [
  {
    path: resultsPaths.results,
    label: resultsText.nav.results,
    inNav: true,
    layout: 'page',
    href: () => resultsPaths.results,
    render: () => wrap(<Tables group={null} view="summary" />),
  },
  {
    path: resultsPaths.imports,
    label: resultsText.nav.imports,
    inNav: false,
    layout: 'page',
    href: () => resultsPaths.imports,
    render: () => wrap(<Imports />),
  },
  {
    path: resultsPaths.documents,
    label: resultsText.nav.documents,
    inNav: false,
    layout: 'page',
    href: () => resultsPaths.documents,
    render: () => wrap(<Documents />),
  },
] as const;

/** The screen key (one of RESULTS_SCREENS' paths) and content for an address, or null when it is not a results address. */
export function resultsScreenFor(path: string): { readonly key: string; readonly render: () => ReactNode } | null {
  const r = parseResultsRoute(path);
  if (!r) return null;
  switch (r.name) {
    case 'tables':
      return {
        key: resultsPaths.results,
        render: () => wrap(<Tables key={`${r.group}`} group={r.group} view={r.view} />),
      };
    case 'unit':
      return { key: resultsPaths.results, render: () => wrap(<Unit key={r.unitId} unitId={r.unitId} />) };
    case 'charts':
      return { key: resultsPaths.results, render: () => wrap(<Charts kind={r.kind} group={r.group} />) };
    case 'narrative':
      return { key: resultsPaths.results, render: () => wrap(<Narrative />) };
    case 'imports':
      return { key: resultsPaths.imports, render: () => wrap(<Imports />) };
    case 'documents':
      return { key: resultsPaths.documents, render: () => wrap(<Documents />) };
  }
}
