import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ACCESS_FIELD } from '../../../http/access.js';
import { createRouter, type AppDeps, type AppEnv } from '../../../http/router.js';
import { hashSecret } from '../../auth/tokens.js';
import { feedUpdated } from './entry-parts.js';
import { loadFeed, type FeedSpec } from './load-feed.js';
import { renderAtom } from './render-atom.js';
import { renderJsonFeed } from './render-json-feed.js';
import { findFeedToken, touchFeedToken } from './repo.js';

const TYPES = { atom: 'application/atom+xml; charset=utf-8', json: 'application/feed+json; charset=utf-8' };
type Format = keyof typeof TYPES;

/** One answer for every refusal: a wrong, revoked or missing token, an unknown feed; none tells which. */
const noFeed = (c: Context<AppEnv>) =>
  c.json({ error: { code: 'NOT_FOUND', message: 'no feed at this address' } }, 404, { 'cache-control': 'no-store' });

function specOf(section: 'releases' | 'capabilities' | 'teams', file: string): [FeedSpec, Format] | null {
  const m = /^(.+)\.(atom|json)$/.exec(file);
  if (!m) return null;
  const [, name = '', format] = m;
  if (section === 'releases') return name === 'releases' ? [{ kind: 'all' }, format as Format] : null;
  return [{ kind: section === 'capabilities' ? 'capability' : 'team', name }, format as Format];
}

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*');

/**
 * The release feeds, Atom 1.0 and JSON Feed 1.1, at /feeds (outside /api and outside authentication): a feed reader
 * cannot send headers, so `?token=` carries a feed token, the only credential; without a valid one, 404.
 */
export function feedRoutes({ db, auth }: AppDeps) {
  const app = createRouter();
  documentFeeds(app);

  const serve = (section: 'releases' | 'capabilities' | 'teams') => async (c: Context<AppEnv>) => {
    const parsed = specOf(section, c.req.param('file') ?? '');
    const token = c.req.query('token');
    if (!parsed || !token || token.length > 200) return noFeed(c);
    const owner = await findFeedToken(db, hashSecret(token));
    if (!owner) return noFeed(c);
    const [spec, format] = parsed;
    const feed = await loadFeed(db, spec);
    if (!feed) return noFeed(c);
    await touchFeedToken(db, owner.id);
    const base = auth?.publicUrl ?? new URL(c.req.url).origin;
    const self = `${base}${c.req.path}?token=${encodeURIComponent(token)}`;
    const body =
      format === 'atom' ? renderAtom(feed, { base, self }) : JSON.stringify(renderJsonFeed(feed, { base, self }));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    const headers = {
      etag,
      'last-modified': feedUpdated(feed).toUTCString(),
      'cache-control': 'private, no-cache',
    };
    if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, 'content-type': TYPES[format] });
  };

  app.get('/feeds/:file', serve('releases'));
  app.get('/feeds/capabilities/:file', serve('capabilities'));
  app.get('/feeds/teams/:file', serve('teams'));
  app.all('/feeds/*', noFeed);
  return app;
}

/** The six feed addresses in the OpenAPI document (Hono cannot route `{name}.atom`, so the handlers read `:file`). */
function documentFeeds(app: ReturnType<typeof createRouter>) {
  const feeds = [
    ['/feeds/releases', 'Every capability’s releases'],
    ['/feeds/capabilities/{name}', 'A capability’s releases'],
    ['/feeds/teams/{name}', 'What’s new for a team: releases of the capabilities it uses or asked for'],
  ] as const;
  for (const [path, what] of feeds)
    for (const [format, type, spec] of [
      ['atom', 'application/atom+xml', 'Atom 1.0 (RFC 4287)'],
      ['json', 'application/feed+json', 'JSON Feed 1.1'],
    ] as const)
      app.openAPIRegistry.registerPath({
        method: 'get',
        path: `${path}.${format}`,
        [ACCESS_FIELD]: 'secret',
        tags: ['shipping'],
        summary: `${what}: the latest 50, as ${spec}; ?token= carries a feed token (the credential)`,
        security: [],
        request: {
          query: z.object({ token: z.string().openapi({ description: 'A feed token (POST /api/v1/feed-tokens)' }) }),
          ...(path.includes('{name}') ? { params: z.object({ name: z.string() }) } : {}),
        },
        responses: {
          200: { content: { [type]: { schema: z.string() } }, description: `The feed (ETag, Last-Modified)` },
          304: { description: 'Not modified since the ETag in If-None-Match' },
          404: { description: 'No valid feed token, or no such feed: the answer does not say which' },
        },
      });
}
