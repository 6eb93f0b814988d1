import { Link } from 'react-router-dom';
import type { NewsItem } from '../../api/shipping-feed-types.js';
import { Badge, type Tone } from '../../components/Badge.js';
import { formatDate } from '../../lib/format.js';
import { MarkdownText } from '../voice/MarkdownText.js';

const TYPE: Record<NewsItem['type'], { label: string; tone: Tone }> = {
  feature: { label: 'Feature', tone: 'accent' },
  fix: { label: 'Fix', tone: 'neutral' },
  breaking: { label: 'Breaking change', tone: 'danger' },
  deprecation: { label: 'Deprecation', tone: 'warning' },
  security: { label: 'Security', tone: 'purple' },
};

/** The first paragraph of the notes, cut at about 280 characters on a word. */
export function excerpt(notes: string): string {
  const first = notes.trim().split(/\n\s*\n/)[0] ?? '';
  if (first.length <= 280) return first;
  return `${first.slice(0, 280).replace(/\s+\S*$/, '')}…`;
}

function why(item: NewsItem): string {
  const name = item.capabilityTitle || item.capability;
  const reasons = item.why.map((w) => (w === 'uses' ? 'uses' : 'asked for'));
  return `Your team ${reasons.join(' and ')} ${name}.`;
}

/** A team's news: each release with its type, why it is there, and the start of its notes. */
export function NewsList({ items, notes = true }: { items: NewsItem[]; notes?: boolean }) {
  return (
    <ul className="news-list">
      {items.map((item) => (
        <li key={item.id} className={`news-item${item.touchesTeam ? ' news-item-touches' : ''}`}>
          <div className="news-head">
            <Link to={`/shipping/releases/${item.id}`} className="news-title">
              {item.capability} {item.version}: {item.title ?? TYPE[item.type].label}
            </Link>{' '}
            <Badge tone={TYPE[item.type].tone}>{TYPE[item.type].label}</Badge>
            {item.touchesTeam ? (
              <Badge
                tone="danger"
                title="A breaking change or deprecation of a capability your team uses, still open: listed first"
              >
                Touches your team{item.deadline ? ` · deadline ${formatDate(item.deadline)}` : ''}
              </Badge>
            ) : null}
          </div>
          <p className="muted small">
            {formatDate(item.date)} · {why(item)}
            {!item.touchesTeam && item.deadline ? ` Deadline ${formatDate(item.deadline)}.` : ''}
          </p>
          {notes && item.notes.trim() ? <MarkdownText text={excerpt(item.notes)} label="Notes excerpt" /> : null}
        </li>
      ))}
    </ul>
  );
}
