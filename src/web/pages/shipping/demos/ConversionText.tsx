import { Link } from 'react-router-dom';
import type { DemoConversion } from '../../../api/demo-types.js';
import { Badge } from '../../../components/Badge.js';
import { formatDate, formatPercent, plural } from '../../../lib/format.js';
import { entityPath } from '../../../lib/refs.js';

/** "2 of 3 teams adopted within 60 days", with "so far" while the 60 days are still running. */
export function conversionSentence(c: DemoConversion): string {
  if (c.eligible === 0) return 'No attending team could convert';
  const sofar = c.provisional ? ' so far' : '';
  return `${c.converted} of ${plural(c.eligible, 'team')} adopted within 60 days${sofar} (${formatPercent(c.value)})`;
}

const teamLink = (team: string) => <Link to={entityPath('group', team) ?? '/teams'}>{team}</Link>;

/** A demo's conversion in words, with the teams behind it and those left out of the count (and why). */
export function ConversionText({ conversion: c, capability }: { conversion: DemoConversion; capability: string }) {
  return (
    <div className="stack demo-conversion" data-testid="demo-conversion">
      <p>
        <strong>{conversionSentence(c)}</strong>{' '}
        {c.provisional ? (
          <Badge tone="info" title={`Adoptions count until ${c.windowEnds}`}>
            provisional until {formatDate(c.windowEnds)}
          </Badge>
        ) : null}
      </p>
      <p className="small muted">
        Of the attending customer teams that had not yet adopted {capability} on the demo&apos;s date, the share that
        adopted it in the 60 days after (through {formatDate(c.windowEnds)}). A team counts once however many of its
        people came; teams that already used {capability}, and platform teams, are not counted.
        {c.provisional ? ' The 60 days are not over, so the number can still rise.' : ''}
      </p>
      {c.teams.length > 0 ? (
        <table className="table table-compact" aria-label="Teams that could convert">
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Adopted</th>
              <th scope="col">Within 60 days</th>
            </tr>
          </thead>
          <tbody>
            {c.teams.map((t) => (
              <tr key={t.team} data-team={t.team}>
                <th scope="row">{teamLink(t.team)}</th>
                <td>{t.adoptedAt ? formatDate(t.adoptedAt) : <span className="muted">not yet</span>}</td>
                <td>{t.converted ? <Badge tone="success">converted</Badge> : <span className="muted">no</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {c.notCounted.length > 0 ? (
        <p className="small muted" data-testid="not-counted">
          Not counted:{' '}
          {c.notCounted.map((t, i) => (
            <span key={t.team}>
              {i > 0 ? '; ' : ''}
              {teamLink(t.team)} ({t.reason}
              {t.adoptedAt ? `, ${formatDate(t.adoptedAt)}` : ''})
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
