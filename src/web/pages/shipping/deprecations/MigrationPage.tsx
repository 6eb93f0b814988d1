import { useParams } from 'react-router-dom';
import type { Migration } from '../../../../modules/shipping/migrations/contract.js';
import { Badge } from '../../../components/Badge.js';
import { Card } from '../../../components/Card.js';
import { Chart } from '../../../components/Chart.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { Stat } from '../../../components/Stat.js';
import { useMigration } from '../../../hooks/queries/use-migration.js';
import { formatDate, formatDateTime, formatPercent, formatTenths } from '../../../lib/format.js';
import { MeasuredHow } from './MeasuredHow.js';
import { MigrationTeams, ServiceTable } from './MigrationTeams.js';

function Burndown({ m }: { m: Migration }) {
  return (
    <Card title="Burn-down">
      <Chart
        kind="line"
        title={`Services still matching each week, ${m.capability} ${m.version}`}
        data={m.burndown.map((p) => ({ date: p.date, remaining: p.remaining, ideal: p.ideal }))}
        x="date"
        curve="linear"
        series={[
          { key: 'remaining', label: 'Services still matching' },
          ...(m.deadline ? [{ key: 'ideal', label: 'Ideal pace to the deadline', dashed: true }] : []),
        ]}
        formatValue={formatTenths}
      />
      <p className="small muted">
        Each point counts the affected services still matching at the end of that day, weekly from the release
        {m.deadline ? ' to the deadline (or today, if later)' : ' to today'}.
        {m.deadline
          ? ' The dashed line falls evenly from all affected services on the release day to none on the deadline.'
          : ''}
      </p>
    </Card>
  );
}

function Body({ m }: { m: Migration }) {
  const late = m.teamsLate.length;
  return (
    <>
      <div className="stats stats-5">
        <Stat label="Affected services" value={m.affected} hint="matched the old rules at the release" />
        <Stat label="Migrated" value={m.migrated} hint="no repository matches any more" />
        <Stat label="Still matching" value={m.remaining} />
        <Stat label="Progress" value={formatPercent(m.progress)} hint="migrated / affected" />
        <Stat
          label="Teams late"
          value={late}
          hint={
            late > 0
              ? m.teamsLate.join(', ')
              : m.teamsAtRisk.length > 0
                ? `at risk: ${m.teamsAtRisk.join(', ')}`
                : undefined
          }
        />
      </div>
      <Burndown m={m} />
      <h2 className="section-title">Affected services by team</h2>
      {m.teams.length === 0 ? (
        <EmptyState title="No service was using it" compact>
          No repository matched the old rules at the release.
        </EmptyState>
      ) : (
        <MigrationTeams teams={m.teams} />
      )}
      {m.unmapped.length > 0 ? (
        <Card title="Repositories without a service (not counted)">
          <ServiceTable
            label="Affected repositories without a service"
            services={m.unmapped.map((r) => ({
              service: null,
              serviceTitle: null,
              team: null,
              migratedAt: r.migratedAt,
              repositories: [r],
            }))}
          />
        </Card>
      ) : null}
    </>
  );
}

/** One deprecation's migration: the burn-down toward the deadline and every affected service, with its evidence. */
export function MigrationPage() {
  const id = Number(useParams().id);
  const query = useMigration(id);
  const m = query.data;
  return (
    <div className="page">
      <PageHeader
        back={{ to: '/shipping/deprecations', label: 'Deprecations' }}
        title={m ? `${m.capabilityTitle ?? m.capability} ${m.version}` : 'Migration'}
        badges={m ? <Badge tone={m.type === 'breaking' ? 'danger' : 'warning'}>{m.type}</Badge> : null}
        subtitle={
          m
            ? `${m.title ? `${m.title}. ` : ''}Released ${formatDate(m.releasedAt)}; deadline ${m.deadline ?? 'none'}. ` +
              (m.rules === 'own'
                ? 'Old usage: the rules this release names.'
                : "Old usage: the capability's own detection rules.")
            : undefined
        }
      />
      {query.isPending ? (
        <Loading variant="table" count={5} label="Loading the migration" />
      ) : query.error ? (
        <ErrorState error={query.error} retry={() => void query.refetch()} what="this migration" />
      ) : m && !m.evaluated ? (
        <EmptyState title="Waiting for the first scan after the release">
          The affected services are fixed by the first scan of the repositories after the release (run{' '}
          <code>paved scan</code>); until then nothing is counted.
        </EmptyState>
      ) : m ? (
        <>
          <Body m={m} />
          <p className="small muted">Affected services fixed {formatDateTime(m.affectedAt)}.</p>
        </>
      ) : null}
      <MeasuredHow />
    </div>
  );
}
