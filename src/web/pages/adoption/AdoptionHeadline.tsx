import type { CapabilityAdoption } from '../../api/types.js';
import { Stat } from '../../components/Stat.js';
import { adoptionReading, formatDays, formatPercent } from '../../lib/adoption.js';
import { plural } from '../../lib/format.js';

/** The five numbers DOMAIN.md defines for a capability, and what they mean in one sentence. */
export function AdoptionHeadline({ summary }: { summary: CapabilityAdoption['summary'] }) {
  const s = summary;
  const daysHint =
    s.medianDaysToAdopt !== null
      ? 'from GA to adoption'
      : s.adoptingTeams === 0
        ? 'no adopting team yet'
        : 'needs a GA date';
  return (
    <div className="adoption-headline">
      <p className="adoption-reading" data-testid="adoption-reading">
        {adoptionReading(s)}
      </p>
      <div className="stats stats-5">
        <Stat
          label="Adoption rate"
          testId="adoption-rate"
          value={formatPercent(s.adoptionRate)}
          hint="of eligible teams use it"
        />
        <Stat
          label="Voluntary share"
          testId="voluntary-share"
          value={formatPercent(s.voluntaryShare)}
          hint={s.adoptingTeams ? `${s.voluntaryTeams} chose it, ${s.mandatedTeams} mandated` : 'of adopting teams'}
        />
        <Stat
          label="Adopting teams"
          testId="adopting-teams"
          value={`${s.adoptingTeams} / ${s.eligibleTeams}`}
          hint={`of ${plural(s.eligibleTeams, 'eligible team')}, using it today`}
        />
        <Stat
          label="Median time to adopt"
          testId="median-days"
          value={formatDays(s.medianDaysToAdopt)}
          hint={daysHint}
        />
        <Stat
          label="Churned teams"
          testId="churned-teams"
          value={s.churnedTeams}
          hint="adopted, then stopped using it"
        />
      </div>
    </div>
  );
}
