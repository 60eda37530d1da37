/**
 * "Trao đổi dữ liệu" of a council member: the identity key, receiving the secretariat's cycle
 * package (its fingerprint confirmed), sending my signed appraisal package, and my
 * declarations of conflict of interest.
 */
import { useState } from 'react';
import type { MemberExchangeStatus } from '../../../shared/contract/exchange.ts';
import { api } from '../../api/client.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { useLoad } from '../../components/use-load.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { KeyCard } from './KeyCard.tsx';
import { ConflictsOfInterest } from './ConflictsOfInterest.tsx';
import { ReceiveCycle } from './ReceiveCycle.tsx';
import { SendMine } from './SendMine.tsx';
import './exchange.css';

const X = exchangeText.exchange;

export function ExchangeScreen({ coiUnit = null }: { coiUnit?: string | null }) {
  const [load, reload] = useLoad(() => api.exchange.status(), 'exchange-status');
  const [imports, setImports] = useState(0);
  return (
    <section className="page x-page" aria-labelledby="exchange-title">
      <header className="x-head">
        <h1 id="exchange-title">{X.title}</h1>
        <p className="lead">{X.lead}</p>
        {load.state === 'ready' && <StatusLine status={load.value} />}
      </header>
      <div className="x-columns">
        <div className="x-column">
          <KeyCard onChange={() => reload()} refresh={imports} />
          <ReceiveCycle
            status={load.state === 'ready' ? load.value : null}
            onImported={() => {
              reload();
              setImports((n) => n + 1); // the key card says at once whom the key is registered to
            }}
          />
        </div>
        <div className="x-column">
          {load.state === 'loading' && <Loading />}
          {load.state === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
          {load.state === 'ready' && (
            <>
              <SendMine status={load.value} onSent={reload} />
              <ConflictsOfInterest status={load.value} onChanged={reload} preselect={coiUnit} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}

function StatusLine({ status }: { status: MemberExchangeStatus }) {
  if (!status.cycle)
    return (
      <p className="notice notice-locked" data-testid="exchange-cycle">
        {X.noCycle}
      </p>
    );
  return (
    <p className="x-status" data-testid="exchange-cycle">
      <span>
        {X.cycle(
          status.cycle.name,
          status.cycle.status === 'open' ? exchangeText.common.cycleOpen : exchangeText.common.cycleFinalised,
        )}
      </span>
      {status.me ? (
        <span className="x-strong" data-testid="exchange-me">
          {X.me(`${status.me.name} (${status.me.fields.map((f) => `${f.code}. ${f.title}`).join('; ')})`)}
        </span>
      ) : (
        <span className="muted">{X.notMember}</span>
      )}
    </p>
  );
}
