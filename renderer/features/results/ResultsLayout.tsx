/** The frame of the results screens: title, subtitle and the sub-navigation (tables, charts, narrative, imports, documents). */
import { type ReactNode, useEffect } from 'react';
import { useLoad } from '../../components/use-load.ts';
import { loadReport, onResultsChanged } from './data.ts';
import { StatusBanner } from './StatusBanner.tsx';
import { hrefFor } from '../../app/route.ts';
import { resultsText } from '../../i18n/results.ts';
import { resultsPaths } from './paths.ts';
import './results.css';

export type ResultsTab = 'tables' | 'charts' | 'narrative' | 'imports' | 'documents';

export function ResultsLayout({
  tab,
  title,
  subtitle,
  actions,
  children,
}: {
  tab: ResultsTab;
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  // Draft or final on every results screen. Opening a results screen asks the core afresh (a
  // decision, an import or a finalisation elsewhere changes the results); the screen's own
  // components then share this same load.
  const [status, reloadStatus] = useLoad(() => loadReport(true), 'report-status');
  useEffect(() => onResultsChanged(reloadStatus), [reloadStatus]);
  // The sub-navigation sits above the title: it stays in place from screen to screen.
  const tabs: [ResultsTab, string, string][] = [
    ['tables', resultsText.sub.tables, resultsPaths.results],
    ['charts', resultsText.sub.charts, resultsPaths.charts()],
    ['narrative', resultsText.sub.narrative, resultsPaths.narrative],
    ['imports', resultsText.sub.imports, resultsPaths.imports],
    ['documents', resultsText.sub.documents, resultsPaths.documents],
  ];
  return (
    <section className="page page-results" aria-labelledby="results-title">
      <nav className="r-subnav" aria-label={resultsText.sub.label}>
        {tabs.map(([key, label, href]) => (
          <a key={key} href={hrefFor(href)} aria-current={key === tab ? 'page' : undefined} data-testid={`sub-${key}`}>
            {label}
          </a>
        ))}
      </nav>
      <header className="r-head">
        <div className="r-head-text">
          <h1 id="results-title">{title}</h1>
          {subtitle && <p className="muted r-subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="r-head-actions">{actions}</div>}
      </header>
      {status.state === 'ready' && <StatusBanner status={status.value.report.status} />}
      {children}
    </section>
  );
}
