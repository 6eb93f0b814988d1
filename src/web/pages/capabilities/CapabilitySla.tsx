import { useState } from 'react';
import type { SlaPolicy } from '../../api/voice-dashboard-types.js';
import { DefinitionLink } from '../../components/DefinitionLink.js';
import { ErrorState } from '../../components/ErrorState.js';
import { useCapabilitySla } from '../../hooks/queries/use-capability-sla.js';
import { DEFINITION } from '../../lib/definitions.js';
import { formatHours } from '../../lib/format.js';
import { SEVERITIES, SlaForm } from './SlaForm.js';

/** Calendar hours as the policy states them, and in days too from a day up: "48 h (2 days)". */
function Hours({ hours }: { hours: number }) {
  return (
    <>
      {hours} h{hours >= 24 ? <span className="muted small"> ({formatHours(hours)})</span> : null}
    </>
  );
}

function PolicyTable({ policy }: { policy: SlaPolicy }) {
  return (
    <div className="table-wrap">
      <table className="table table-compact voice-table" aria-label="SLA policy">
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Acknowledge in</th>
            <th scope="col">Fix in</th>
          </tr>
        </thead>
        <tbody>
          {SEVERITIES.map((s) => {
            const p = policy.severities[s];
            return (
              <tr key={s} data-severity={s}>
                <th scope="row">{s === '1' ? '1 (worst)' : s}</th>
                {p ? (
                  <>
                    <td>
                      <Hours hours={p.acknowledgeHours} />
                    </td>
                    <td>
                      <Hours hours={p.fixHours} />
                    </td>
                  </>
                ) : (
                  <td colSpan={2} className="muted">
                    no SLA
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The capability's SLA policy per severity, in calendar hours; its owners edit it in place. */
export function CapabilitySla({ name, canEdit }: { name: string; canEdit: boolean }) {
  const sla = useCapabilitySla(name);
  const [editing, setEditing] = useState(false);
  return (
    <div data-testid="capability-sla" className="voice-anchor">
      <div className="section-header">
        <h3 className="subheading">SLA policy (calendar hours)</h3>
        {canEdit && !editing && sla.data ? (
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            Edit SLA
          </button>
        ) : null}
      </div>
      {sla.isPending ? (
        <p className="muted small">Loading…</p>
      ) : sla.error ? (
        <ErrorState error={sla.error} retry={() => void sla.refetch()} what="the SLA policy" />
      ) : editing ? (
        <SlaForm name={name} policy={sla.data} onDone={() => setEditing(false)} />
      ) : (
        <>
          {Object.keys(sla.data.severities).length === 0 ? (
            <p className="muted">
              No SLA yet: this capability’s bugs are counted apart, without a promise to keep.
              {canEdit ? ' Set one with Edit SLA.' : ''}
            </p>
          ) : (
            <PolicyTable policy={sla.data} />
          )}
          <DefinitionLink anchor={DEFINITION.slaPolicy}>What an SLA policy promises</DefinitionLink>
        </>
      )}
    </div>
  );
}
