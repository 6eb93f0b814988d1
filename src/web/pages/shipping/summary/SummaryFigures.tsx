import { useLocation } from 'react-router-dom';
import type { ShippingSummary } from '../../../api/shipping-summary-types.js';
import { DEFINITION } from '../../../lib/definitions.js';
import { formatDays, formatNumber, formatPercent, formatTenths, plural } from '../../../lib/format.js';
import { RELEASE_TYPE_INFO, RELEASE_TYPE_LIST } from '../../../lib/release-kinds.js';
import { Figure } from '../../voice/dashboards/Figure.js';
import { migrationTotal } from './migration-total.js';

/** "2 feature · 1 fix": the types present, in the changelog's order. */
function byType(counts: ShippingSummary['releases']['byType']): string {
  const present = RELEASE_TYPE_LIST.filter((t) => (counts[t] ?? 0) > 0);
  if (present.length === 0) return 'none in the period';
  return present.map((t) => `${formatNumber(counts[t] ?? 0)} ${RELEASE_TYPE_INFO[t].label.toLowerCase()}`).join(' · ');
}

/** The headline figures; each opens the list of the items behind it, further down the page. */
export function SummaryFigures({ s }: { s: ShippingSummary }) {
  // The list on this page, keeping the period in the address.
  const { search } = useLocation();
  const at = (id: string) => `${search}#${id}`;
  const vote = s.voteToRelease;
  const demos = s.demos.conversion;
  const migrations = s.migrations ? migrationTotal(s.migrations.items) : null;
  return (
    <div className="stats voice-stats" aria-label="Shipping figures">
      <Figure
        label="Releases"
        testId="releases"
        value={formatNumber(s.releases.total)}
        to={at('releases-by-capability')}
        n={byType(s.releases.byType)}
        line="Releases of a capability dated in the period."
        definition={DEFINITION.release}
      />
      <Figure
        label="Releases with notes"
        testId="notes-share"
        value={formatPercent(s.notes.share)}
        to={at('without-notes')}
        n={`${formatNumber(s.notes.withNotes)} of ${plural(s.notes.total, 'release')}`}
        line="Empty notes count as none; those without are listed."
        definition={DEFINITION.notesShare}
      />
      <Figure
        label="Notes views per release"
        testId="views-per-release"
        value={s.views.perRelease === null ? '—' : formatTenths(s.views.perRelease)}
        to={at('most-read')}
        n={`${plural(s.views.total, 'view')} of ${plural(s.releases.total, 'release')}`}
        line="Readings of the period’s release notes, per release."
        definition={DEFINITION.notesViews}
      />
      <Figure
        label="First vote to release"
        testId="vote-to-release"
        value={formatDays(vote.medianDays)}
        to={at('vote-to-release')}
        n={`median of ${plural(vote.n, 'request')} · ${formatNumber(vote.withoutVotes)} closed with no vote, left out`}
        line="How long a request waited, from its first vote to the release that closed it."
        definition={DEFINITION.firstVoteToRelease}
      />
      <Figure
        label="Demo conversion"
        testId="demo-conversion"
        value={formatPercent(demos.value)}
        to={at('demos')}
        n={`${formatNumber(demos.converted)} of ${plural(demos.eligible, 'team')} · ${plural(demos.demos, 'demo')} pooled, ${formatNumber(demos.provisionalDemos)} provisional`}
        line="Teams that adopted within 60 days of a demo they attended."
        definition={DEFINITION.demoConversion}
      />
      {migrations ? (
        <Figure
          label="Migration progress"
          testId="migration-progress"
          value={formatPercent(migrations.progress)}
          to={at('migrations')}
          n={`${formatNumber(migrations.migrated)} of ${plural(migrations.affected, 'service')} · ${plural(migrations.teamsLate.length, 'team')} late`}
          line="Services moved off what open deprecations take away, today."
          definition={DEFINITION.migrationProgress}
        />
      ) : null}
    </div>
  );
}
