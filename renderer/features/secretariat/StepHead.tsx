/** Title, lead and actions of a secretariat step. */
import type { ReactNode } from 'react';

export function StepHead({ title, lead, actions }: { title: string; lead?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="s-head">
      <div className="s-head-text">
        <h1>{title}</h1>
        {lead && <p className="lead s-lead">{lead}</p>}
      </div>
      {actions && <div className="s-head-actions">{actions}</div>}
    </header>
  );
}
