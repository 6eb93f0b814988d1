import { accessRoute } from '../../../http/access.js';
import { decodeIdCursor, encodeIdCursor } from '../../../http/id-cursor.js';
import { isoOrNull, jsonBody as body, jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { nameParams } from '../../catalog/contract.js';
import { getEntityRow } from '../../catalog/service.js';
import { z } from '@hono/zod-openapi';
import {
  followSchema,
  followState,
  markReadInput,
  markReadResult,
  notificationPage,
  notificationQuery,
  type Notification,
} from './contract.js';
import { setFollow } from './follow-capability.js';
import { personOf } from './person.js';
import { countUnread, listFollows, listNotifications, markRead, type NotificationRow } from './repo.js';

const tags = ['notifications'];
const PERSONAL = 'A person only (signed in, or a personal token); a token that acts for no person gets 403.';

const view = (r: NotificationRow): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: new Date(r.created_at).toISOString(),
  readAt: isoOrNull(r.read_at),
});

/** A person's in-app notifications and the capabilities they follow. */
export function notificationRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/notifications',
      tags,
      summary: "The caller's notifications, newest first, with the unread count",
      description: PERSONAL,
      request: { query: notificationQuery },
      responses: { 200: json(notificationPage, 'A page of notifications') },
    }),
    async (c) => {
      const person = personOf(c.get('principal'));
      const { unread, limit, cursor } = c.req.valid('query');
      const rows = await listNotifications(db, person, { unread, before: decodeIdCursor(cursor), limit: limit + 1 });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const nextCursor = rows.length > limit && last ? encodeIdCursor(last.id) : null;
      return c.json({ items: page.map(view), nextCursor, unread: await countUnread(db, person) }, 200);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'post',
      path: '/notifications/read',
      tags,
      summary: 'Mark some of your notifications read, or all of them',
      description: `${PERSONAL} Ids that are not yours, or already read, are left as they are.`,
      request: body(markReadInput),
      responses: { 200: json(markReadResult, 'How many were marked, and how many are left unread') },
    }),
    async (c) => {
      const person = personOf(c.get('principal'));
      const input = c.req.valid('json');
      const marked = await markRead(db, person, input.all ? 'all' : (input.ids ?? []));
      return c.json({ marked, unread: await countUnread(db, person) }, 200);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/follows',
      tags,
      summary: 'The capabilities the caller follows (their releases are notified to them)',
      description: PERSONAL,
      responses: { 200: json(z.object({ items: z.array(followSchema) }), 'Followed capabilities, by name') },
    }),
    async (c) => {
      const rows = await listFollows(db, personOf(c.get('principal')));
      const items = rows.map((r) => ({
        capability: r.capability,
        title: r.title,
        followedAt: new Date(r.followed_at).toISOString(),
      }));
      return c.json({ items }, 200);
    },
  );

  for (const follow of [true, false]) {
    app.openapi(
      accessRoute('signed-in', {
        method: follow ? 'put' : 'delete',
        path: '/capabilities/{name}/follow',
        tags,
        summary: follow
          ? 'Follow a capability: you are notified of its releases (again: no change)'
          : 'Stop following a capability (when you do not follow it: no change)',
        description: PERSONAL,
        request: { params: nameParams },
        responses: { 200: json(followState, 'Whether you follow it now') },
      }),
      async (c) => {
        const principal = c.get('principal');
        personOf(principal);
        const capability = await getEntityRow(db, 'Capability', 'default', c.req.valid('param').name);
        const since = await setFollow(db, principal, capability, follow);
        return c.json({ capability: capability.name, following: follow, followedAt: isoOrNull(since) }, 200);
      },
    );
  }

  return app;
}
