import { Link } from 'react-router-dom';
import type { ShippingSummary } from '../../../api/shipping-summary-types.js';
import { Badge } from '../../../components/Badge.js';
import { DefinitionLink } from '../../../components/DefinitionLink.js';
import { DEFINITION } from '../../../lib/definitions.js';
import { formatDate, formatNumber, formatPercent, plural } from '../../../lib/format.js';
import { SummarySection } from './SummarySection.js';

/** The demos held in the period with their conversion; provisional ones are shown but not pooled. */
export function DemosList({ demos }: { demos: ShippingSummary['demos'] }) {
  const c = demos.conversion;
  return (
    <SummarySection
      id="demos"
      title="Demos held"
      how={
        <>
          Each demo held in the period: of the customer teams that attended and did not use the capability yet on the
          demo’s day, those that adopted it within 60 days. The figure adds up converted and eligible teams over the{' '}
          {plural(c.demos, 'demo')} whose 60 days have passed ({formatNumber(c.converted)} of{' '}
          {plural(c.eligible, 'team')}). {plural(c.provisionalDemos, 'demo')} still inside{' '}
          {c.provisionalDemos === 1 ? 'its' : 'their'} 60 days {c.provisionalDemos === 1 ? 'is' : 'are'} provisional:
          shown with the number so far, not added in, since it can only rise. Platform teams and teams that already used
          the capability are not counted. <DefinitionLink anchor={DEFINITION.demoConversion} />
        </>
      }
    >
      {demos.items.length === 0 ? (
        <p>No demo was held in this period.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-compact" aria-label="Demos held in the period">
            <thead>
              <tr>
                <th scope="col">Demo</th>
                <th scope="col">Adopted</th>
                <th scope="col">Conversion</th>
              </tr>
            </thead>
            <tbody>
              {demos.items.map((d) => (
                <tr key={d.id} data-demo={d.id}>
                  <th scope="row">
                    <Link to={`/shipping/demos/${d.id}`}>
                      {d.capability}, {formatDate(d.date)}
                    </Link>
                  </th>
                  <td>
                    {formatNumber(d.converted)} of {plural(d.eligible, 'team')}
                  </td>
                  <td>
                    {formatPercent(d.eligible === 0 ? null : d.converted / d.eligible)}{' '}
                    {d.provisional ? (
                      <Badge tone="warning" title="Its 60 days have not passed: not added into the figure">
                        provisional
                      </Badge>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SummarySection>
  );
}
