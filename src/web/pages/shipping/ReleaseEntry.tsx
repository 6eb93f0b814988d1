import { Link } from 'react-router-dom';
import type { Release } from '../../api/release-types.js';
import { formatDate } from '../../lib/format.js';
import { takesAway } from '../../lib/release-kinds.js';
import { MarkdownText } from '../voice/MarkdownText.js';
import { DeadlineNote, ReleaseCloses, releaseName, releasePath, ReleaseTypeBadge } from './ReleaseParts.js';

/** One release in the changelog: what, when, its notes and what it closes; breaking and deprecation stand out. */
export function ReleaseEntry({ release: r }: { release: Release }) {
  return (
    <article
      className={`release-entry${takesAway(r.type) ? ` release-entry-${r.type}` : ''}`}
      aria-labelledby={`release-${r.id}`}
      data-testid="release-entry"
    >
      <header className="release-entry-header">
        <div>
          <h2 id={`release-${r.id}`} className="release-entry-title">
            <Link to={releasePath(r.id)}>{releaseName(r)}</Link> <ReleaseTypeBadge type={r.type} />
          </h2>
          {r.title ? <p className="release-entry-subtitle">{r.title}</p> : null}
        </div>
        <time className="muted small" dateTime={r.date}>
          {formatDate(r.date)}
        </time>
      </header>
      <DeadlineNote release={r} />
      {r.notes.trim() ? (
        <MarkdownText text={r.notes} label={`Notes of ${releaseName(r)}`} />
      ) : (
        <p className="muted small">No notes.</p>
      )}
      <ReleaseCloses closes={r.closes} />
    </article>
  );
}
