import type { Evidence } from '../../api/types.js';
import { Badge } from '../../components/Badge.js';
import { formatDate, plural } from '../../lib/format.js';
import { shortSha } from '../../lib/adoption.js';

const SHOWN = 2;

function EvidenceItem({ e }: { e: Evidence }) {
  if (e.type === 'detection') {
    return (
      <li className="evidence evidence-detection">
        <span className="evidence-where mono" data-testid="evidence-location">
          {e.repository} · {e.file}
          {e.line !== null ? `:${e.line}` : ''}
        </span>
        {e.text ? <code className="evidence-text">{e.text}</code> : null}
        <span className="muted small">
          commit <code title={e.commit}>{shortSha(e.commit)}</code> · {e.service}
          {e.matched ? null : (
            <>
              {' '}
              <Badge tone="warning" title="The latest scan no longer matches">
                no longer matches
              </Badge>
            </>
          )}
        </span>
      </li>
    );
  }
  if (e.type === 'events') {
    return (
      <li className="evidence">
        <span>
          {plural(e.events, 'usage event')}
          {e.service ? <span className="muted"> from {e.service}</span> : null}
        </span>
        <span className="muted small">last on {formatDate(e.lastAt)}</span>
      </li>
    );
  }
  return (
    <li className="evidence">
      <span>
        Declared <strong>{e.status === 'using' ? 'using' : 'stopped'}</strong> on {formatDate(e.at)}
      </span>
      <span className="muted small">
        {e.by ? `by ${e.by}` : 'by someone unknown'}
        {e.note ? ` · “${e.note}”` : ''}
      </span>
    </li>
  );
}

/** Why Paved believes the team uses the capability: the file and line, the events, or who said so. */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) return <span className="muted">—</span>;
  const first = evidence.slice(0, SHOWN);
  const rest = evidence.slice(SHOWN);
  return (
    <div className="evidence-list">
      <ul className="plain-list">
        {first.map((e, i) => (
          <EvidenceItem key={i} e={e} />
        ))}
      </ul>
      {rest.length ? (
        <details className="evidence-more">
          <summary>{plural(rest.length, 'more signal')}</summary>
          <ul className="plain-list">
            {rest.map((e, i) => (
              <EvidenceItem key={i} e={e} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
