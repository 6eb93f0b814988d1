import { entryHtml, entryTitle, entryUrl, feedPageUrl, tagId, type FeedContext } from './entry-parts.js';
import type { LoadedFeed } from './load-feed.js';

/** JSON Feed 1.1 (jsonfeed.org/version/1.1). */
export function renderJsonFeed(feed: LoadedFeed, ctx: FeedContext) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: feed.subtitle,
    home_page_url: feedPageUrl(ctx.base, feed),
    feed_url: ctx.self,
    authors: [{ name: 'Paved' }],
    items: feed.rows.map((r) => ({
      id: tagId(ctx.base, `release/${r.id}`),
      url: entryUrl(ctx.base, r),
      title: entryTitle(r),
      content_html: entryHtml(ctx.base, r, feed.why?.get(r.capability_id)),
      date_published: new Date(r.released_at).toISOString(),
      date_modified: new Date(r.updated_at).toISOString(),
      authors: [{ name: r.owner ?? 'Paved' }],
      tags: [r.type],
    })),
  };
}
