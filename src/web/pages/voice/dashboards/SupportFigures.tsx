import type { SupportFigures as Support } from '../../../api/voice-dashboard-types.js';
import { DEFINITION } from '../../../lib/definitions.js';
import { formatHours, formatNumber, formatPer, plural } from '../../../lib/format.js';
import { Figure } from './Figure.js';
import { itemsPath, UNRESOLVED, type ItemListFilters } from './item-links.js';

/** The support headline: median first response and resolution, the open queue, requests per week. */
export function SupportFigures(p: { support: Support; scope: ItemListFilters; period: ItemListFilters }) {
  const { support: s } = p;
  const opened = itemsPath('support', { ...p.scope, ...p.period });
  return (
    <div className="stats voice-stats" aria-label="Support figures">
      <Figure
        label="Median first response"
        testId="first-response"
        value={formatHours(s.medianHoursToFirstResponse)}
        to={opened}
        n={`${formatNumber(s.n - s.unanswered)} answered · ${formatNumber(s.unanswered)} not yet`}
        line="Opened to the platform team's first answer."
        definition={DEFINITION.firstResponse}
      />
      <Figure
        label="Median time to resolve"
        testId="time-to-resolve"
        value={formatHours(s.medianHoursToResolve)}
        to={opened}
        n={`${formatNumber(s.n - s.unresolved)} resolved · ${formatNumber(s.unresolved)} still open`}
        line="Opened to resolved, for requests opened in the period."
        definition={DEFINITION.timeToResolve}
      />
      <Figure
        label="Open queue"
        testId="open-queue"
        value={formatNumber(s.open)}
        to={itemsPath('support', { ...p.scope, status: UNRESOLVED })}
        n="requests open at the end of the period"
        line="Whenever opened; shrinking means less of a bottleneck."
        definition={DEFINITION.supportQueue}
      />
      <Figure
        label="Requests a week"
        testId="support-per-week"
        value={formatPer(s.perWeek)}
        to={opened}
        n={`${plural(s.n, 'request')} opened in the period`}
        line="Support requests opened, per week of the period."
        definition={DEFINITION.supportQueue}
      />
    </div>
  );
}
