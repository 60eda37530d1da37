/**
 * Nhập dữ liệu: sociological survey points (per-unit points, or raw responses aggregated
 * with their counts) and the previous year's results, from .csv / .xlsx files. Each import
 * is previewed first (every row checked, a refusal names file, row and column), then
 * committed in one transaction; the results screens reload after a commit.
 */
import { useEffect, useState } from 'react';
import type { SurveyCurrent } from '../../../shared/contract/imports.ts';
import { SURVEY_SOURCES } from '../../../shared/report/survey.ts';
import { api } from '../../api/client.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { useLoad } from '../../components/use-load.ts';
import { resultsText } from '../../i18n/results.ts';
import { invalidateResults, loadReport } from '../results/data.ts';
import { f2, int } from '../results/format.ts';
import { ResultsLayout } from '../results/ResultsLayout.tsx';
import { PreviousImport } from './PreviousImport.tsx';
import { SurveyImport } from './SurveyImport.tsx';

const I = resultsText.imports;

export function Imports() {
  const [current, reload] = useLoad(() => api.survey.current(), 'survey-current');
  const [year, setYear] = useState<number | null>(null);
  useEffect(() => {
    void loadReport().then((r) => r.ok && setYear(r.value.report.cycle.year));
  }, []);
  const changed = () => {
    invalidateResults();
    reload();
  };
  return (
    <ResultsLayout tab="imports" title={I.title} subtitle={I.intro}>
      {current.state === 'loading' && <Loading />}
      {current.state === 'failed' && <LoadFailed error={current.error} onRetry={reload} />}
      {current.state === 'ready' && (
        <>
          {!current.value.canEdit && (
            <p className="notice notice-locked" role="note">
              {I.readOnly}
            </p>
          )}
          <SurveyImport
            canEdit={current.value.canEdit}
            onCommitted={changed}
            summary={<CurrentSurvey current={current.value} />}
          />
          <PreviousImport
            canEdit={current.value.canEdit}
            onCommitted={changed}
            cycleYear={year}
            importedYears={current.value.previousYears}
          />
        </>
      )}
    </ResultsLayout>
  );
}

/** What the cycle holds now: how many units have points per survey, and each unit's points on request. */
function CurrentSurvey({ current }: { current: SurveyCurrent }) {
  const total = current.units.length;
  const responses = new Map(current.responses.map((r) => [`${r.unitId}/${r.source}`, r]));
  return (
    <details className="r-current" data-testid="survey-current">
      <summary>
        <strong>{I.current}:</strong>{' '}
        {SURVEY_SOURCES.map(
          (s) => `${I.sources[s]} ${I.currentCount(current.units.filter((u) => u[s] !== null).length, total)}`,
        ).join(' · ')}
      </summary>
      <div className="r-scroll">
        <table className="r-table">
          <thead>
            <tr>
              <th scope="col">{I.colUnit}</th>
              {SURVEY_SOURCES.map((s) => (
                <th key={s} scope="col" className="c-num">
                  {I.sources[s]}
                </th>
              ))}
              {SURVEY_SOURCES.map((s) => (
                <th key={s} scope="col" className="c-num">
                  {I.colRespondents} ({I.sources[s]})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {current.units.map((u) => (
              <tr key={u.unitId}>
                <th scope="row">{u.unit}</th>
                {SURVEY_SOURCES.map((s) => (
                  <td key={s} className="c-num">
                    {u[s] ? f2(u[s].points) : '—'}
                  </td>
                ))}
                {SURVEY_SOURCES.map((s) => (
                  <td key={s} className="c-num">
                    {int(u[s]?.respondents ?? responses.get(`${u.unitId}/${s}`)?.respondents ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
