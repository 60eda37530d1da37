/**
 * What-if for a unit: the points still needed for the next classification group, the
 * sub-criteria not yet met with the points each brings (largest first), the fewest that
 * reach the next group; ticking sub-criteria shows the index they would give (exact, half up).
 */
import { useMemo, useState } from 'react';
import { HUNDRED, ZERO, add, div, mul, parseDecimal, roundHalfUpScaled } from '../../../shared/decimal/rational.ts';
import { classify } from '../../../shared/results/classification.ts';
import type { WhatIfResult } from '../../../shared/report/what-if.ts';
import { api } from '../../api/client.ts';
import { ClassificationBadge } from '../../components/Classification.tsx';
import { pts, pts2, ptsNeeded } from '../../components/format.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { useLoad } from '../../components/use-load.ts';
import { resultsText } from '../../i18n/results.ts';
import { vi } from '../../i18n/vi.ts';
import { p2 } from './format.ts';
import { scaledDecimalText } from '../../../shared/decimal/text.ts';

const W = resultsText.whatIf;
const SHOWN = 12;

export function WhatIfPanel({
  unitId,
  benchmark,
  total,
  precision,
}: {
  unitId: string;
  benchmark: string;
  total: string;
  precision: number;
}) {
  const [load, reload] = useLoad(() => api.results.whatIf({ unitId }), unitId);
  return (
    <section className="card r-card r-whatif" aria-labelledby="whatif-title" data-testid="what-if">
      <h2 id="whatif-title">{W.title}</h2>
      {load.state === 'loading' && <Loading />}
      {load.state === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
      {load.state === 'ready' && (
        <WhatIfBody w={load.value} benchmark={benchmark} total={total} precision={precision} />
      )}
    </section>
  );
}

function WhatIfBody({
  w,
  benchmark,
  total,
  precision,
}: {
  w: WhatIfResult;
  benchmark: string;
  total: string;
  precision: number;
}) {
  const fewest = useMemo(() => new Set(w.fewest?.codes ?? []), [w]);
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const [all, setAll] = useState(false);
  const projection = useMemo(() => {
    if (picked.size === 0) return null;
    const b = parseDecimal(benchmark);
    const t = parseDecimal(total);
    if (!b || !t || b.n === 0n) return null;
    const gain = w.candidates
      .filter((c) => picked.has(c.code))
      .reduce((s, c) => add(s, parseDecimal(c.gain) ?? ZERO), ZERO);
    const published = roundHalfUpScaled(mul(div(add(t, gain), b), HUNDRED), precision);
    return { gain, index: scaledDecimalText(published, precision), classification: classify(published, precision) };
  }, [picked, w, benchmark, total, precision]);

  const list = all ? w.candidates : w.candidates.slice(0, Math.max(SHOWN, fewest.size));
  const toggle = (code: string) =>
    setPicked((s) => {
      const n = new Set(s);
      if (n.has(code)) n.delete(code);
      else n.add(code);
      return n;
    });

  return (
    <>
      <p className="r-whatif-now">
        {p2(w.index)} <ClassificationBadge group={w.classification} />
      </p>
      {w.nextClassification === null ? (
        <p>{W.top}</p>
      ) : (
        <>
          <p data-testid="what-if-need">
            {W.need(
              vi.classification.short(w.nextClassification),
              p2(w.targetIndex),
              w.pointsNeeded === null ? vi.dash : ptsNeeded(w.pointsNeeded),
            )}
          </p>
          {w.fewest ? (
            <p className="muted">{W.fewest(w.fewest.codes.length, p2(w.fewest.indexAfter))}</p>
          ) : (
            <p className="muted">{W.unreachable(p2(w.indexIfAllMet))}</p>
          )}
        </>
      )}
      {w.candidates.length === 0 ? (
        <p className="muted">{W.none}</p>
      ) : (
        <>
          <div className="r-whatif-bar" aria-live="polite">
            {projection ? (
              <span data-testid="what-if-projection">
                {W.picked(picked.size, pts2(projection.gain), p2(projection.index))}{' '}
                <ClassificationBadge group={projection.classification} />
              </span>
            ) : (
              <span className="muted">{W.pick}</span>
            )}
            <span className="r-whatif-actions">
              {w.fewest && (
                <button
                  type="button"
                  className="button button-quiet button-small"
                  onClick={() => setPicked(new Set(w.fewest!.codes))}
                >
                  {W.useFewest}
                </button>
              )}
              {picked.size > 0 && (
                <button type="button" className="button button-quiet button-small" onClick={() => setPicked(new Set())}>
                  {W.clear}
                </button>
              )}
            </span>
          </div>
          <table className="r-table r-whatif-table" data-testid="what-if-candidates">
            <thead>
              <tr>
                <th scope="col" aria-label={W.pick} />
                <th scope="col">{resultsText.unit.colCode}</th>
                <th scope="col">{resultsText.unit.colTitle}</th>
                <th scope="col" className="c-num">
                  {W.colNow}
                </th>
                <th scope="col" className="c-num">
                  {W.colGain}
                </th>
                <th scope="col" className="c-num">
                  {W.colIfMet}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.code} className={fewest.has(c.code) ? 'is-fewest' : undefined}>
                  <td>
                    <input
                      type="checkbox"
                      checked={picked.has(c.code)}
                      onChange={() => toggle(c.code)}
                      aria-label={`${c.code} ${c.title}`}
                    />
                  </td>
                  <td className="c-code">{c.code}</td>
                  <td className="r-whatif-title" title={c.title}>
                    {c.title}
                    {c.reachesNextAlone && <span className="chip chip-changed">{W.alone}</span>}
                  </td>
                  <td className="c-num">
                    {pts(c.points)}/{pts(c.max)}
                  </td>
                  <td className="c-num r-gain">+{pts(c.gain)}</td>
                  <td className="c-num">{p2(c.indexIfMet)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!all && w.candidates.length > list.length && (
            <button type="button" className="button button-quiet button-small" onClick={() => setAll(true)}>
              {W.more(w.candidates.length - list.length)}
            </button>
          )}
        </>
      )}
    </>
  );
}
