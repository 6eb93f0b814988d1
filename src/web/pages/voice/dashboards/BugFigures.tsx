import type { BugFigures as Bugs } from '../../../api/voice-dashboard-types.js';
import { DEFINITION } from '../../../lib/definitions.js';
import { formatHours, formatNumber, formatRate, plural } from '../../../lib/format.js';
import { Figure } from './Figure.js';
import { closedIn, itemsPath, UNRESOLVED, type ItemListFilters } from './item-links.js';

/** The bug headline: ack and fix shares within SLA, median time to fix, open bugs past SLA. */
export function BugFigures({ bugs, scope, period }: { bugs: Bugs; scope: ItemListFilters; period: ItemListFilters }) {
  const reported = itemsPath('bugs', { ...scope, ...period });
  return (
    <div className="stats voice-stats" aria-label="Bug figures">
      <Figure
        label="Acknowledged within SLA"
        testId="ack-within-sla"
        value={formatRate(bugs.ackWithinSla)}
        to={reported}
        n={`${bugs.ackMet} of ${plural(bugs.ackN, 'bug')} in time`}
        line="Bugs reported in the period, acknowledged within the promised hours."
        definition={DEFINITION.ackWithinSla}
      />
      <Figure
        label="Fixed within SLA"
        testId="fix-within-sla"
        value={formatRate(bugs.fixWithinSla)}
        to={reported}
        n={`${bugs.fixMet} of ${plural(bugs.fixN, 'bug')} in time`}
        line="Bugs reported in the period, fixed within the promised hours."
        definition={DEFINITION.fixWithinSla}
      />
      <Figure
        label="Median time to fix"
        testId="time-to-fix"
        value={formatHours(bugs.medianHoursToFix)}
        to={itemsPath('bugs', { ...scope, ...closedIn(period) })}
        n={`median of ${plural(bugs.fixedN, 'bug')} fixed in the period`}
        line="Reported to fixed, in calendar hours."
        definition={DEFINITION.timeToFix}
      />
      <Figure
        label="Past SLA"
        testId="past-sla"
        value={formatNumber(bugs.pastSla)}
        to={itemsPath('bugs', { ...scope, status: UNRESOLVED })}
        n={`open at the period's end · ${plural(bugs.withoutSla, 'bug')} without an SLA`}
        line="Promises broken and still open, whenever reported."
        definition={DEFINITION.pastSla}
      />
    </div>
  );
}
