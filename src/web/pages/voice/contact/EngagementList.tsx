import { useState } from 'react';
import { Card } from '../../../components/Card.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { Loading } from '../../../components/Loading.js';
import { useEngagements } from '../../../hooks/queries/use-engagements.js';
import { useIsAdmin } from '../../../hooks/queries/use-me.js';
import { EngagementHead } from './EngagementEntry.js';
import { EngagementForm } from './EngagementForm.js';

/** Buddy engagements, latest start first, with a form for platform members. */
export function EngagementList() {
  const engagements = useEngagements();
  const isAdmin = useIsAdmin();
  const [adding, setAdding] = useState(false);
  return (
    <div id="engagements" className="voice-anchor">
      <Card
        title="Buddy engagements"
        actions={
          isAdmin && !adding ? (
            <button type="button" className="button" onClick={() => setAdding(true)}>
              Record an engagement
            </button>
          ) : null
        }
      >
        {adding ? <EngagementForm onDone={() => setAdding(false)} onCancel={() => setAdding(false)} /> : null}
        {engagements.isPending ? (
          <Loading count={3} label="Loading the engagements" />
        ) : engagements.error ? (
          <ErrorState error={engagements.error} retry={() => void engagements.refetch()} what="the engagements" />
        ) : engagements.data.items.length === 0 ? (
          <EmptyState compact title="No buddy engagement yet">
            <p>
              A platform engineer embedded with a customer team for a while: the team page then shows what changed for
              the team during and after it.
            </p>
          </EmptyState>
        ) : (
          <ul className="voice-entries" aria-label="Engagements">
            {engagements.data.items.map((e) => (
              <li key={e.id} className="voice-entry" data-engagement={e.id}>
                <EngagementHead engagement={e} />
                {e.goals ? <p className="voice-notes">{e.goals}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
