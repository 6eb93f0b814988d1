import { Link } from 'react-router-dom';
import type { ShippingSummary } from '../../../api/shipping-summary-types.js';
import { DefinitionLink } from '../../../components/DefinitionLink.js';
import { DEFINITION } from '../../../lib/definitions.js';
import { formatNumber, plural } from '../../../lib/format.js';
import { SummarySection } from './SummarySection.js';

const releasePath = (id: number) => `/shipping/releases/${id}`;

/** The releases without notes, each to be written, and the most read notes. */
export function NotesLists({ s }: { s: ShippingSummary }) {
  return (
    <>
      <SummarySection
        id="without-notes"
        title="Releases without notes"
        how={
          <>
            Of the {plural(s.notes.total, 'release')} dated in the period, {formatNumber(s.notes.withNotes)} have notes.
            Notes that are empty or only spaces count as none. Open a release to write its notes.{' '}
            <DefinitionLink anchor={DEFINITION.notesShare} />
          </>
        }
      >
        {s.notes.without.length === 0 ? (
          <p>{s.notes.total === 0 ? 'No release in this period.' : 'Every release of the period has notes.'}</p>
        ) : (
          <ul className="plain-list" aria-label="Releases without notes">
            {s.notes.without.map((r) => (
              <li key={r.id}>
                <Link to={releasePath(r.id)}>
                  {r.capability} {r.version}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </SummarySection>
      <SummarySection
        id="most-read"
        title="Most read release notes"
        how={
          <>
            {plural(s.views.total, 'reading')} of the notes of the period’s releases, whenever they were read, divided
            by the {plural(s.releases.total, 'release')}. A person reading the same release twice on one day counts
            once; a release nobody read counts as 0. <DefinitionLink anchor={DEFINITION.notesViews} />
          </>
        }
      >
        {s.views.top.length === 0 ? (
          <p>No release in this period.</p>
        ) : (
          <ol className="plain-list" aria-label="Most read release notes">
            {s.views.top.map((r) => (
              <li key={r.id}>
                <Link to={releasePath(r.id)}>
                  {r.capability} {r.version}
                </Link>{' '}
                <span className="muted">· {plural(r.views, 'view')}</span>
              </li>
            ))}
          </ol>
        )}
      </SummarySection>
    </>
  );
}
