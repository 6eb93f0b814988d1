import { Link } from 'react-router-dom';
import type { AdoptingTeam } from '../../api/types.js';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { formatDate } from '../../lib/format.js';
import { pathOfRef } from '../../lib/refs.js';
import { AdoptionKindBadge, UseStatus } from './AdoptionBadges.js';
import { EvidenceList } from './EvidenceList.js';
import { adoptingTeamId } from './matrix-model.js';

export function TeamLink({ teamRef, name, title }: { teamRef: string; name: string; title: string | null }) {
  const to = pathOfRef(teamRef);
  const label = title || name;
  return to ? <Link to={to}>{label}</Link> : <span>{label}</span>;
}

/**
 * Every team that ever adopted, earliest first, with the evidence behind it. Titled "ever adopted", not
 * "adopting": the headline's adopting teams are only those still using it (DOMAIN.md's adoption rate).
 */
export function AdoptingTeams({ teams }: { teams: AdoptingTeam[] }) {
  const active = teams.filter((t) => t.status === 'active').length;
  const stopped = teams.length - active;
  return (
    <Card
      title={`Teams that ever adopted it (${teams.length})`}
      actions={
        stopped ? (
          <span className="muted small" data-testid="ever-adopted-split">
            {active} still use it (the headline’s adopting teams), {stopped} stopped
          </span>
        ) : undefined
      }
    >
      {teams.length === 0 ? (
        <EmptyState compact title="No team has adopted it yet">
          <p>Teams appear here from their first signal: a repository match, a usage event, or a declaration.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table adopting-teams">
            <caption className="visually-hidden">Teams that adopted this capability</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Adopted on</th>
                <th scope="col">How</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Services
                </th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((t) => (
                <tr key={t.teamRef} id={adoptingTeamId(t.team)} data-team={t.team}>
                  <th scope="row">
                    <TeamLink teamRef={t.teamRef} name={t.team} title={t.title} />
                  </th>
                  <td className="nowrap">{formatDate(t.adoptedAt)}</td>
                  <td>
                    <AdoptionKindBadge kind={t.kind} />
                  </td>
                  <td className="nowrap">
                    <UseStatus status={t.status} churnedAt={t.churnedAt} />
                  </td>
                  <td className="num">{t.services}</td>
                  <td>
                    <EvidenceList evidence={t.evidence} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
