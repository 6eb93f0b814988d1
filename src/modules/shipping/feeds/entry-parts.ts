import { escapeHtml, markdownToSafeHtml } from '../../../shared/markdown-html.js';
import type { Interest } from '../interest.js';
import type { NewsRow } from '../whats-new/repo.js';
import type { LoadedFeed } from './load-feed.js';

/** Where the feed is served and what it links to. */
export interface FeedContext {
  /** PAVED_PUBLIC_URL, else the request's origin; no trailing slash. */
  base: string;
  /** This feed's own URL, token included (a reader re-reads it from there). */
  self: string;
}

const TYPE_LABEL: Record<NewsRow['type'], string> = {
  feature: 'Feature',
  fix: 'Fix',
  breaking: 'Breaking change',
  deprecation: 'Deprecation',
  security: 'Security',
};
export const typeLabel = (type: NewsRow['type']) => TYPE_LABEL[type];

/**
 * A tag: URI (RFC 4151) that stays the same however often the feed is read: the instance's host name, a year,
 * and what it names (`release/12`, `feed/releases`).
 */
export function tagId(base: string, specific: string): string {
  return `tag:${new URL(base).hostname},2025:paved/${specific}`;
}

export const entryTitle = (r: NewsRow) => `${r.capability} ${r.version}: ${r.title ?? typeLabel(r.type)}`;
export const entryUrl = (base: string, r: NewsRow) => `${base}/shipping/releases/${r.id}`;
export const feedPageUrl = (base: string, feed: LoadedFeed) => `${base}${feed.page}`;

const WHY: Record<Interest, string> = { uses: 'uses', asked: 'asked for' };

/** The notes as safe HTML, after a line on the deadline and, in a team's feed, why the release is there. */
export function entryHtml(base: string, r: NewsRow, why?: Interest[]): string {
  const lines: string[] = [];
  if (why?.length)
    lines.push(`<p><em>Your team ${why.map((w) => WHY[w]).join(' and ')} ${escapeHtml(r.capability)}.</em></p>`);
  if (r.deadline) lines.push(`<p><strong>Deadline: ${escapeHtml(r.deadline)}</strong></p>`);
  const notes = markdownToSafeHtml(r.notes, base);
  return [...lines, notes || '<p>No notes.</p>'].join('\n');
}

/** The latest change among the entries: the feed's `updated` (the epoch for an empty feed, which never changed). */
export function feedUpdated(feed: LoadedFeed): Date {
  const times = feed.rows.map((r) => new Date(r.updated_at).getTime());
  return new Date(times.length ? Math.max(...times) : 0);
}
