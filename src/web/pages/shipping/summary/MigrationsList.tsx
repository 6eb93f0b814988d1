import { Link } from 'react-router-dom';
import type { SummaryDeprecation } from '../../../api/shipping-summary-types.js';
import { Badge } from '../../../components/Badge.js';
import { DefinitionLink } from '../../../components/DefinitionLink.js';
import { DEFINITION } from '../../../lib/definitions.js';
import { formatNumber, plural } from '../../../lib/format.js';
import { ProgressBar } from '../deprecations/ProgressBar.js';
import { migrationTotal } from './migration-total.js';
import { SummarySection } from './SummarySection.js';

/** The open deprecations and breaking changes, each opening its migration page. */
export function MigrationsList({ items }: { items: SummaryDeprecation[] }) {
  const total = migrationTotal(items);
  return (
    <SummarySection
      id="migrations"
      title="Open migrations"
      how={
        <>
          Deprecations and breaking changes with services still to move, measured today whatever the period. A service
          is affected when its repositories used the old thing at the release, and has migrated once a scan no longer
          finds it. The figure adds them up: {formatNumber(total.migrated)} of {plural(total.affected, 'service')}.
          {total.waiting > 0
            ? ` ${plural(total.waiting, 'release')} waiting for the first scan after the release ${total.waiting === 1 ? 'is' : 'are'} not added in.`
            : ''}{' '}
          A team is late when the deadline has passed and some of its services still use the old thing.{' '}
          <DefinitionLink anchor={DEFINITION.migrationProgress} />
        </>
      }
    >
      {items.length === 0 ? (
        <p>No deprecation or breaking change has services left to move.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-compact" aria-label="Open migrations">
            <thead>
              <tr>
                <th scope="col">Release</th>
                <th scope="col">Deadline</th>
                <th scope="col">Services migrated</th>
                <th scope="col">Teams late</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id} data-migration={d.id}>
                  <th scope="row">
                    <Link to={`/shipping/deprecations/${d.id}`}>
                      {d.capabilityTitle ?? d.capability} {d.version}
                    </Link>{' '}
                    <Badge tone={d.type === 'breaking' ? 'danger' : 'warning'}>{d.type}</Badge>
                  </th>
                  <td>{d.deadline ?? 'none'}</td>
                  <td className="migration-progress-cell">
                    {d.evaluated ? (
                      <ProgressBar
                        migrated={d.migrated}
                        affected={d.affected}
                        label={`Migrated services of ${d.capability} ${d.version}`}
                      />
                    ) : (
                      <span className="muted">waiting for the first scan after the release</span>
                    )}
                  </td>
                  <td>{d.teamsLate.length > 0 ? d.teamsLate.join(', ') : <span className="muted">none</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SummarySection>
  );
}
