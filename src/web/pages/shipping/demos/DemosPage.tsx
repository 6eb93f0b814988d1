import { useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { useDemos } from '../../../hooks/queries/use-demos.js';
import { useIsAdmin } from '../../../hooks/queries/use-me.js';
import { formatDate } from '../../../lib/format.js';
import { entityPath } from '../../../lib/refs.js';
import { ConversionText } from './ConversionText.js';
import { attendanceText, DemoLinks } from './DemoLinks.js';
import { NewDemo } from './NewDemo.js';

/** Every demo, newest first: what was shown, to whom, and how many of those teams adopted within 60 days. */
export function DemosPage() {
  const demos = useDemos();
  const platform = useIsAdmin();
  const [adding, setAdding] = useState(false);
  const items = demos.data?.items ?? [];
  return (
    <div className="page">
      <PageHeader
        title="Demos"
        subtitle="Demos of the platform's capabilities, who came, and how many of the teams that came went on to adopt."
        actions={
          platform && !adding ? (
            <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
              Add a demo
            </button>
          ) : null
        }
      />
      {adding ? <NewDemo onDone={() => setAdding(false)} /> : null}
      <p className="small muted">
        <strong>Demo conversion</strong>: of the customer teams that attended a demo and did not use the capability yet
        on that day, the share that adopted it within the 60 days after. Until those 60 days are over the number is
        provisional.
      </p>
      {demos.isPending ? (
        <Loading />
      ) : demos.error ? (
        <ErrorState error={demos.error} retry={() => void demos.refetch()} what="the demos" />
      ) : items.length === 0 ? (
        <EmptyState title="No demo yet">Platform teams record their demos here, with who attended.</EmptyState>
      ) : (
        <ul className="plain-list stack" aria-label="Demos">
          {items.map((d) => (
            <li key={d.id} className="card stack" data-testid={`demo-${d.id}`}>
              <div>
                <h2 className="card-title">
                  <Link to={`/shipping/demos/${d.id}`}>
                    {d.title ?? `Demo of ${d.capabilityTitle ?? d.capability}`}
                  </Link>
                </h2>
                <p className="small muted row">
                  <span>{formatDate(d.date)}</span>
                  <Link to={entityPath('capability', d.capability) ?? '/capabilities'}>
                    {d.capabilityTitle ?? d.capability}
                  </Link>
                  {d.presenter ? <span>presented by {d.presenter}</span> : null}
                  <DemoLinks demo={d} />
                </p>
                <p className="small">Attended: {attendanceText(d)}</p>
              </div>
              <ConversionText conversion={d.conversion} capability={d.capabilityTitle ?? d.capability} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
