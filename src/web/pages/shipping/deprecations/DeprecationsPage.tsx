import { Link } from 'react-router-dom';
import type { Deprecation } from '../../../../modules/shipping/migrations/contract.js';
import { Badge } from '../../../components/Badge.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { useDeprecations } from '../../../hooks/queries/use-deprecations.js';
import { formatDate } from '../../../lib/format.js';
import { MeasuredHow } from './MeasuredHow.js';
import { ProgressBar } from './ProgressBar.js';

function Row({ d }: { d: Deprecation }) {
  return (
    <tr data-testid={`deprecation-${d.id}`}>
      <th scope="row">
        <Link to={`/shipping/deprecations/${d.id}`}>
          {d.capabilityTitle ?? d.capability} {d.version}
        </Link>{' '}
        <Badge tone={d.type === 'breaking' ? 'danger' : 'warning'}>{d.type}</Badge>
        {d.title ? <div className="small muted">{d.title}</div> : null}
      </th>
      <td>{formatDate(d.releasedAt)}</td>
      <td>{d.deadline ?? 'none'}</td>
      <td className="migration-progress-cell">
        {d.evaluated ? (
          <ProgressBar
            migrated={d.migrated}
            affected={d.affected}
            label={`Migrated services of ${d.capability} ${d.version}`}
          />
        ) : (
          <span className="muted">waiting for the first scan after the release</span>
        )}
      </td>
      <td>
        {d.teamsLate.length > 0 ? (
          <TeamBadges teams={d.teamsLate} tone="danger" />
        ) : d.teamsAtRisk.length > 0 ? (
          <TeamBadges
            teams={d.teamsAtRisk}
            tone="warning"
            prefix="at risk: "
            title="Past half the time to the deadline, none of their services migrated"
          />
        ) : (
          <span className="muted">none</span>
        )}
      </td>
    </tr>
  );
}

/** One badge per team, wrapping inside the cell. */
function TeamBadges(props: { teams: string[]; tone: 'danger' | 'warning'; prefix?: string; title?: string }) {
  return (
    <ul className="team-badges" title={props.title}>
      {props.teams.map((team) => (
        <li key={team}>
          <Badge tone={props.tone}>
            {props.prefix}
            {team}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

function Table({ items, label }: { items: Deprecation[]; label: string }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Release</th>
            <th scope="col">Released</th>
            <th scope="col">Deadline</th>
            <th scope="col">Services migrated</th>
            <th scope="col">Teams late</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <Row key={d.id} d={d} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Deprecations and breaking changes: how far each migration has come, measured from the repositories. */
export function DeprecationsPage() {
  const query = useDeprecations();
  const items = query.data?.items ?? [];
  const open = items.filter((d) => d.open);
  const done = items.filter((d) => !d.open);
  return (
    <div className="page">
      <PageHeader
        title="Deprecations"
        subtitle="Releases that take something away, and how many of the services using the old thing have moved off it."
      />
      {query.isPending ? (
        <Loading variant="table" count={4} label="Loading deprecations" />
      ) : query.error ? (
        <ErrorState error={query.error} retry={() => void query.refetch()} what="deprecations" />
      ) : items.length === 0 ? (
        <EmptyState title="No deprecations or breaking changes">
          A release of type deprecation or breaking, with a deadline, shows here with the services it affects.
        </EmptyState>
      ) : (
        <>
          {open.length > 0 ? <Table items={open} label="Open deprecations" /> : <p>Every migration is complete.</p>}
          {done.length > 0 ? (
            <>
              <h2 className="section-title">Completed</h2>
              <Table items={done} label="Completed deprecations" />
            </>
          ) : null}
          <MeasuredHow />
        </>
      )}
    </div>
  );
}
