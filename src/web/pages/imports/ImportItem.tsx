import type { ImportRecord } from '../../api/types.js';
import { Badge, type Tone } from '../../components/Badge.js';
import { formatDateTime } from '../../lib/format.js';

const STATUS_TONE: Record<ImportRecord['status'], Tone> = {
  queued: 'neutral',
  running: 'info',
  succeeded: 'success',
  rejected: 'warning',
  failed: 'danger',
};
const COUNTS = ['created', 'updated', 'unchanged', 'orphaned', 'restored', 'skipped', 'invalid'] as const;

function Messages({ title, items, tone }: { title: string; items: string[]; tone: 'danger' | 'warning' }) {
  if (items.length === 0) return null;
  return (
    <details className={`messages messages-${tone}`} open={tone === 'danger' && items.length <= 5}>
      <summary>
        {items.length} {title}
      </summary>
      <ul>
        {items.map((m, i) => (
          <li key={i} className="mono small">
            {m}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** One import: what it read, what changed, and every problem it found. */
export function ImportItem({ record: r }: { record: ImportRecord }) {
  return (
    <li className="card import-item">
      <div className="import-head">
        <Badge tone={STATUS_TONE[r.status]}>{r.status}</Badge>
        <span className="import-id">#{r.id}</span>
        <span className="mono break">{r.source}</span>
        <span className="muted small import-when">
          {formatDateTime(r.createdAt)}
          {r.requestedBy ? ` · by ${r.requestedBy}` : ''}
        </span>
      </div>
      {r.summary ? (
        <dl className="counts">
          {COUNTS.map((k) => (
            <div key={k} className={r.summary?.[k] ? 'count count-nonzero' : 'count'}>
              <dt>{k}</dt>
              <dd>{r.summary?.[k] ?? 0}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted small">
          {r.status === 'queued' || r.status === 'running' ? 'In progress…' : 'No summary recorded.'}
        </p>
      )}
      {r.error ? (
        <p className="alert alert-danger" role="note">
          {r.error}
        </p>
      ) : null}
      <Messages title={r.problems.length === 1 ? 'problem' : 'problems'} items={r.problems} tone="danger" />
      <Messages title={r.warnings.length === 1 ? 'warning' : 'warnings'} items={r.warnings} tone="warning" />
    </li>
  );
}
