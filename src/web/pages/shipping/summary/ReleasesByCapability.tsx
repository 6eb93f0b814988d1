import { Link } from 'react-router-dom';
import type { ShippingSummary } from '../../../api/shipping-summary-types.js';
import type { ReleaseType } from '../../../api/release-types.js';
import { DefinitionLink } from '../../../components/DefinitionLink.js';
import { DEFINITION } from '../../../lib/definitions.js';
import { formatNumber } from '../../../lib/format.js';
import { RELEASE_TYPE_INFO, RELEASE_TYPE_LIST } from '../../../lib/release-kinds.js';
import { SummarySection } from './SummarySection.js';

/** The changelog filtered by capability and type, as its address reads them. */
export function changelogPath(filters: { capability?: string; type?: ReleaseType }): string {
  const params = new URLSearchParams();
  if (filters.capability) params.set('capability', filters.capability);
  if (filters.type) params.set('type', filters.type);
  const text = params.toString();
  return text ? `/shipping?${text}` : '/shipping';
}

function Count({ n, capability, type }: { n: number; capability?: string; type?: ReleaseType }) {
  if (n === 0) return <span className="muted">0</span>;
  return (
    <Link to={changelogPath({ ...(capability ? { capability } : {}), ...(type ? { type } : {}) })}>
      {formatNumber(n)}
    </Link>
  );
}

/** Releases per capability and type; each count opens the changelog filtered to it. */
export function ReleasesByCapability({ releases }: { releases: ShippingSummary['releases'] }) {
  return (
    <SummarySection
      id="releases-by-capability"
      title="Releases per capability and type"
      how={
        <>
          Every release of a capability dated in the period, by its type. A count opens the changelog filtered to that
          capability and type; the changelog lists every date, newest first, so older releases follow the period’s.
          Releases from a repository no capability names are not counted. <DefinitionLink anchor={DEFINITION.release} />
        </>
      }
    >
      {releases.total === 0 ? (
        <p>No release is dated in this period.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-compact" aria-label="Releases per capability and type">
            <thead>
              <tr>
                <th scope="col">Capability</th>
                {RELEASE_TYPE_LIST.map((t) => (
                  <th key={t} scope="col">
                    {RELEASE_TYPE_INFO[t].label}
                  </th>
                ))}
                <th scope="col">All</th>
              </tr>
            </thead>
            <tbody>
              {releases.byCapability.map((row) => (
                <tr key={row.capability} data-capability={row.capability}>
                  <th scope="row">{row.capability}</th>
                  {RELEASE_TYPE_LIST.map((t) => (
                    <td key={t} data-cell={t}>
                      <Count n={row.byType[t] ?? 0} capability={row.capability} type={t} />
                    </td>
                  ))}
                  <td data-cell="all">
                    <Count n={row.total} capability={row.capability} />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-capability="all">
                <th scope="row">All capabilities</th>
                {RELEASE_TYPE_LIST.map((t) => (
                  <td key={t} data-cell={t}>
                    <Count n={releases.byType[t] ?? 0} type={t} />
                  </td>
                ))}
                <td data-cell="all">
                  <Count n={releases.total} />
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </SummarySection>
  );
}
