import type { CapabilityAdoption, Mandate } from '../../api/types.js';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { mandatedNow } from '../../lib/adoption.js';
import { AwareBadge, RequiredBadge } from './AdoptionBadges.js';
import { TeamLink } from './AdoptingTeams.js';

/** Eligible teams with no signal yet: the ones to talk to next. Aware ones first: they looked and did not adopt. */
export function NotAdoptedTeams({ teams, mandates }: { teams: CapabilityAdoption['notAdopted']; mandates: Mandate[] }) {
  const sorted = [...teams].sort(
    (a, b) => Number(b.aware) - Number(a.aware) || (a.title || a.team).localeCompare(b.title || b.team),
  );
  const aware = teams.filter((t) => t.aware).length;
  return (
    <Card title={`Not adopted yet (${teams.length})`}>
      {teams.length === 0 ? (
        <EmptyState compact title="Every eligible team uses it" />
      ) : (
        <>
          <p className="muted small">
            {aware
              ? `${aware} of them looked at it and did not adopt: worth a conversation.`
              : 'None of them has looked at it yet.'}
          </p>
          <ul className="team-chips" aria-label="Teams that have not adopted it">
            {sorted.map((t) => (
              <li key={t.teamRef} data-team={t.team}>
                <TeamLink teamRef={t.teamRef} name={t.team} title={t.title} />
                {t.aware ? <AwareBadge /> : null}
                {mandatedNow(t.teamRef, mandates) ? <RequiredBadge /> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
