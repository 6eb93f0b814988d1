import { Link } from 'react-router-dom';
import { LifecycleBadge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { useTeamAdoption } from '../../hooks/queries/use-team-adoption.js';
import { entityScope } from '../../lib/delivery-scope.js';
import { entityPath, parseRef } from '../../lib/refs.js';
import { HomeDelivery } from './HomeDelivery.js';

/** A customer team's person sees their own team first: what it uses, what to try next, how it delivers. */
export function YourTeam({ teamRef }: { teamRef: string }) {
  const { name, namespace } = parseRef(teamRef);
  const adoption = useTeamAdoption(name, namespace);
  const a = adoption.data;
  const using = a?.uses.filter((u) => u.status === 'active') ?? [];
  const next = a?.notYet.slice(0, 3) ?? [];
  const teamPath = entityPath('group', name, namespace) ?? '/teams';
  return (
    <Card title={`Your team: ${name}`} actions={<Link to={teamPath}>Open your team →</Link>} className="your-team">
      {a ? (
        <p data-testid="your-team-adoption">
          Uses {using.length} {using.length === 1 ? 'capability' : 'capabilities'}
          {using.length ? `: ${using.map((u) => u.title || u.capability).join(', ')}` : ''}.
          {next.length ? (
            <>
              {' '}
              Worth a look next:{' '}
              {next.map((c, i) => (
                <span key={c.capability}>
                  {i > 0 ? ', ' : ''}
                  <Link to={entityPath('capability', c.capability) ?? '#'}>{c.title || c.capability}</Link>{' '}
                  <LifecycleBadge lifecycle={c.lifecycle} />
                  {c.mandated ? ' (required)' : ''}
                </span>
              ))}
              .
            </>
          ) : null}
        </p>
      ) : adoption.error ? (
        <p className="muted">Your team’s adoption could not be loaded.</p>
      ) : null}
      <HomeDelivery scope={entityScope('team', name, namespace)} />
    </Card>
  );
}
