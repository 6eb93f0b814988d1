import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Demo } from '../../../api/demo-types.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { useDeleteDemo, useDemo } from '../../../hooks/queries/use-demos.js';
import { useCapability } from '../../../hooks/queries/use-capability.js';
import { useAdministers } from '../../../hooks/queries/use-me.js';
import { formatDate } from '../../../lib/format.js';
import { entityPath } from '../../../lib/refs.js';
import { ConversionText } from './ConversionText.js';
import { DemoLinks, personName } from './DemoLinks.js';
import { ImportAttendance } from './ImportAttendance.js';

/** One demo: its facts, who attended by team, its conversion with the teams behind it; its owners import attendance. */
export function DemoPage() {
  const id = Number(useParams().id);
  const demo = useDemo(id);
  if (demo.isPending) return <Loading />;
  if (demo.error) return <ErrorState error={demo.error} retry={() => void demo.refetch()} what="the demo" />;
  return <DemoView demo={demo.data} />;
}

function DemoView({ demo: d }: { demo: Demo }) {
  const capability = useCapability(d.capability);
  const owns = useAdministers(capability.data?.capability.ownerRef);
  const remove = useDeleteDemo();
  const navigate = useNavigate();
  const name = d.capabilityTitle ?? d.capability;
  return (
    <div className="page">
      <PageHeader
        title={d.title ?? `Demo of ${name}`}
        subtitle={
          <span className="row">
            <span>{formatDate(d.date)}</span>
            <Link to={entityPath('capability', d.capability) ?? '/capabilities'}>{name}</Link>
            {d.presenter ? <span>presented by {d.presenter}</span> : null}
            <DemoLinks demo={d} />
          </span>
        }
        back={{ to: '/shipping/demos', label: 'Demos' }}
        actions={
          owns ? (
            <button
              type="button"
              className="button button-ghost"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm('Delete this demo and its attendance?'))
                  remove.mutate(d.id, { onSuccess: () => navigate('/shipping/demos') });
              }}
            >
              Delete
            </button>
          ) : null
        }
      />
      <section className="card stack" aria-label="Conversion">
        <h2 className="card-title">Conversion</h2>
        <ConversionText conversion={d.conversion} capability={name} />
      </section>
      <section className="card stack" aria-label="Attendance">
        <h2 className="card-title">Attendance</h2>
        {d.attendance.length === 0 ? (
          <p className="muted">No attendance recorded yet.</p>
        ) : (
          <table className="table table-compact" aria-label="Attending teams">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">People</th>
              </tr>
            </thead>
            <tbody>
              {d.attendance.map((a) => (
                <tr key={a.team}>
                  <th scope="row">
                    <Link to={entityPath('group', a.team) ?? '/teams'}>{a.title ?? a.team}</Link>
                  </th>
                  <td>
                    {a.people.length ? a.people.map(personName).join(', ') : <span className="muted">not named</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {d.notes ? <p className="card">{d.notes}</p> : null}
      {owns ? <ImportAttendance demoId={d.id} /> : null}
    </div>
  );
}
