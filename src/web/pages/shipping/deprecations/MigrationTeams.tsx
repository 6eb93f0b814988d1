import { Link } from 'react-router-dom';
import type { AffectedService, TeamMigration } from '../../../../modules/shipping/migrations/contract.js';
import { Badge } from '../../../components/Badge.js';
import { Card } from '../../../components/Card.js';
import { formatDateTime } from '../../../lib/format.js';

const SHOWN = 5;

/** Where a repository still (or last) used the old thing: file:line, the first few. */
export function Evidence({ items }: { items: { file: string; line: number | null }[] }) {
  if (items.length === 0) return <span className="muted">no file recorded</span>;
  return (
    <span className="migration-evidence">
      {items.slice(0, SHOWN).map((e) => (
        <code key={`${e.file}:${e.line}`}>{e.line === null ? e.file : `${e.file}:${e.line}`}</code>
      ))}
      {items.length > SHOWN ? <span className="muted">and {items.length - SHOWN} more</span> : null}
    </span>
  );
}

function State({ migratedAt }: { migratedAt: string | null }) {
  return migratedAt === null ? (
    <Badge tone="warning">still matching</Badge>
  ) : (
    <Badge tone="success" title="The first scan at which it no longer matched">
      migrated {formatDateTime(migratedAt)}
    </Badge>
  );
}

function ServiceRows({ service }: { service: AffectedService }) {
  return (
    <>
      {service.repositories.map((r, i) => (
        <tr key={r.path}>
          {i === 0 ? (
            <th scope="row" rowSpan={service.repositories.length}>
              {service.service ? (
                <Link to={`/services/${service.service}`}>{service.serviceTitle ?? service.service}</Link>
              ) : (
                r.repository
              )}
              <div>
                <State migratedAt={service.migratedAt} />
              </div>
            </th>
          ) : null}
          <td>{r.repository}</td>
          <td>
            <Evidence items={r.evidence} />
          </td>
          <td>{r.migratedAt === null ? 'still matching' : formatDateTime(r.migratedAt)}</td>
        </tr>
      ))}
    </>
  );
}

export function ServiceTable({ services, label }: { services: AffectedService[]; label: string }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Repository</th>
            <th scope="col">Old usage found (file:line)</th>
            <th scope="col">Stopped matching</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <ServiceRows key={s.service ?? s.repositories[0]?.path} service={s} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One card per team, late teams first: its affected services, their evidence, and when each migrated. */
export function MigrationTeams({ teams }: { teams: TeamMigration[] }) {
  return (
    <>
      {teams.map((t) => (
        <Card
          key={t.team ?? ''}
          title={
            <span data-testid={`team-${t.team ?? 'none'}`}>
              {t.team ? <Link to={`/teams/${t.team}`}>{t.teamTitle ?? t.team}</Link> : 'Services without an owner'}{' '}
              {t.late ? <Badge tone="danger">late</Badge> : t.atRisk ? <Badge tone="warning">at risk</Badge> : null}
            </span>
          }
          actions={
            <span className="small muted">
              {t.migrated} of {t.affected} migrated
            </span>
          }
        >
          <ServiceTable services={t.services} label={`Affected services of ${t.team ?? 'no owner'}`} />
        </Card>
      ))}
    </>
  );
}
