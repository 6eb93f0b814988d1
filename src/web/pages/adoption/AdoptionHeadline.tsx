import type { CapabilityAdoption } from '../../api/types.js';
import { DefinitionLink } from '../../components/DefinitionLink.js';
import { Stat } from '../../components/Stat.js';
import { adoptionReading } from '../../lib/adoption.js';
import { DEFINITION, type DefinitionAnchor } from '../../lib/definitions.js';
import { formatDays, formatPercent, plural } from '../../lib/format.js';

/** A stat's hint with the link to its definition. */
const defined = (hint: string, anchor: DefinitionAnchor) => (
  <>
    {hint} · <DefinitionLink anchor={anchor} />
  </>
);

/** The five headline numbers of a capability, what they mean in one sentence, and where each is defined. */
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
          hint={defined('of eligible teams use it', DEFINITION.adoptionRate)}
        />
        <Stat
          label="Voluntary share"
          testId="voluntary-share"
          value={formatPercent(s.voluntaryShare)}
          hint={defined(
            s.adoptingTeams ? `${s.voluntaryTeams} chose it, ${s.mandatedTeams} mandated` : 'of adopting teams',
            DEFINITION.voluntaryShare,
          )}
        />
        <Stat
          label="Adopting teams"
          testId="adopting-teams"
          value={`${s.adoptingTeams} / ${s.eligibleTeams}`}
          hint={defined(`of ${plural(s.eligibleTeams, 'eligible team')}, using it today`, DEFINITION.adopting)}
        />
        <Stat
          label="Median time to adopt"
          testId="median-days"
          value={formatDays(s.medianDaysToAdopt)}
          hint={defined(daysHint, DEFINITION.daysFromGa)}
        />
        <Stat
          label="Churned teams"
          testId="churned-teams"
          value={s.churnedTeams}
          hint={defined('adopted, then stopped using it', DEFINITION.churned)}
        />
      </div>
    </div>
  );
}
