import { useState } from 'react';
import { API_BASE } from '../../../api/client.js';
import { CopyButton } from '../../../components/CopyButton.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { Loading } from '../../../components/Loading.js';
import { useSurveyInvitations } from '../../../hooks/queries/use-survey-invitations.js';

/** The personal links (platform team members): shown on request, and as a CSV for a mail merge. */
export function SurveyLinks({ id }: { id: number }) {
  const [shown, setShown] = useState(false);
  const links = useSurveyInvitations(id, shown);
  return (
    <section className="card" aria-label="Personal links">
      <header className="card-header">
        <h2 className="card-title">Personal links</h2>
        <div className="row">
          <a className="button" href={`${API_BASE}/surveys/${id}/invitations?format=csv`} download>
            Download CSV
          </a>
          <button type="button" className="button" onClick={() => setShown((s) => !s)} aria-expanded={shown}>
            {shown ? 'Hide links' : 'Show links'}
          </button>
        </div>
      </header>
      <p className="muted">Each link lets one person answer without signing in. Send each person their own.</p>
      {!shown ? null : links.isPending ? (
        <Loading variant="table" count={3} label="Loading the links" />
      ) : links.error ? (
        <ErrorState error={links.error} retry={() => void links.refetch()} what="the links" />
      ) : (
        <div className="table-wrap">
          <table className="table table-compact" aria-label="Invited people">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Email</th>
                <th scope="col">Teams</th>
                <th scope="col">Answered</th>
                <th scope="col">Link</th>
              </tr>
            </thead>
            <tbody>
              {links.data.items.map((i) => (
                <tr key={i.person}>
                  <td>{i.name ?? i.person}</td>
                  <td>{i.email ?? '—'}</td>
                  <td>{i.teams.join(', ')}</td>
                  <td>{i.answered ? 'yes' : 'no'}</td>
                  <td>
                    <CopyButton text={i.link} label="Copy link" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
