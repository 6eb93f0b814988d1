import { escapeHtml as x } from '../../../shared/markdown-html.js';
import { entryHtml, entryTitle, entryUrl, feedPageUrl, feedUpdated, tagId, type FeedContext } from './entry-parts.js';
import type { LoadedFeed } from './load-feed.js';

const iso = (d: Date | string) => new Date(d).toISOString();

/** Atom 1.0 (RFC 4287): the feed's id, title, updated, links and author; each entry's id, title, updated, link. */
export function renderAtom(feed: LoadedFeed, ctx: FeedContext): string {
  const entries = feed.rows.map((r) =>
    [
      '  <entry>',
      `    <id>${x(tagId(ctx.base, `release/${r.id}`))}</id>`,
      `    <title type="text">${x(entryTitle(r))}</title>`,
      `    <updated>${iso(r.updated_at)}</updated>`,
      `    <published>${iso(r.released_at)}</published>`,
      `    <link rel="alternate" type="text/html" href="${x(entryUrl(ctx.base, r))}"/>`,
      `    <author><name>${x(r.owner ?? 'Paved')}</name></author>`,
      `    <category term="${x(r.type)}"/>`,
      `    <content type="html">${x(entryHtml(ctx.base, r, feed.why?.get(r.capability_id)))}</content>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${x(tagId(ctx.base, `feed/${feed.key}`))}</id>`,
    `  <title type="text">${x(feed.title)}</title>`,
    `  <subtitle type="text">${x(feed.subtitle)}</subtitle>`,
    `  <updated>${feedUpdated(feed).toISOString()}</updated>`,
    `  <link rel="alternate" type="text/html" href="${x(feedPageUrl(ctx.base, feed))}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${x(ctx.self)}"/>`,
    '  <author><name>Paved</name></author>',
    '  <generator>Paved</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
