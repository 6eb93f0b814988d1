import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import type { OutboundPolicy } from '../../connectors/safe-fetch.js';
import { createRegistry } from '../../jobs/registry.js';
import { JobRunner } from '../../jobs/runner.js';
import { silentLogger } from '../../http/logger.js';
import { buildApp } from '../../server/app.js';
import { backstageUrlImportJob } from './jobs.js';

// Finding 9: the URL import fetched any host and port, followed redirects to 127.0.0.1, and echoed the start of a
// non-JSON answer in its error.
const IMPORT = '/api/v1/imports/backstage';
const HINT = 'set PAVED_ALLOW_PRIVATE_DESTINATIONS=true to allow private destinations';
const BANNER = 'INTERNAL-ADMIN-CONSOLE root-password=hunter2';

let t: TestApp; // as a server runs by default: public destinations only
let server: Server;
let port: number;
let local: string;
const paths: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    paths.push(url.pathname);
    if (url.pathname.startsWith('/redirect/')) {
      res.writeHead(302, { location: `${local}/html/api/catalog/entities/by-query` });
      return res.end();
    }
    if (url.pathname.startsWith('/html/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(`<html><body>${BANNER}</body></html>`);
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ items: [], pageInfo: {} }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  local = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

const count = async (table: 'imports' | 'jobs') =>
  (await t.database.db.selectFrom(table).select(t.database.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow())
    .n;

/** Queues an import where PAVED_ALLOW_PRIVATE_DESTINATIONS=true, then runs its job under `outbound`. */
async function importWith(url: string, outbound: OutboundPolicy) {
  const allowing = buildApp({ db: t.database.db, logger: silentLogger, allowPrivateDestinations: true });
  const response = await allowing.request(IMPORT, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url }),
  });
  expect(response.status).toBe(202);
  const queued = { body: (await response.json()) as { id: number } };
  const runner = new JobRunner(
    t.database.db,
    createRegistry([backstageUrlImportJob(t.database.db, outbound)]),
    silentLogger,
  );
  expect(await runner.drain()).toBe(1);
  return (await t.call('GET', `/api/v1/imports/${queued.body.id}`)).body;
}

describe('the URL import goes through the outbound guard', () => {
  it('refuses a loopback or private URL at once (400 naming url), queuing nothing and connecting nowhere', async () => {
    paths.length = 0;
    for (const [url, reason] of [
      [local, `127.0.0.1 is a loopback address; ${HINT}`],
      ['http://10.0.0.7:7007', `10.0.0.7 is a private address; ${HINT}`],
      [
        'http://[::ffff:a9fe:a9fe]/',
        '::ffff:a9fe:a9fe is the IPv4-mapped form of 169.254.169.254, the cloud metadata address; Paved never connects to it',
      ],
    ] as const) {
      expect(await t.call('POST', IMPORT, { body: { url } })).toEqual({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED', message: `url: ${reason}`, details: [{ field: 'url', reason }] } },
      });
    }
    expect(await t.call('POST', IMPORT, { body: { url: 'ftp://backstage.example.com/' } })).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', details: [{ field: 'url' }] } },
    });
    expect(await count('imports')).toBe(0);
    expect(await count('jobs')).toBe(0);
    expect(paths).toEqual([]);
  });

  it('checks again when the job connects: a destination refused then fails the import, saying why', async () => {
    // Queued where private destinations were allowed, run by a job that does not allow them (as after DNS changed).
    paths.length = 0;
    const record = await importWith(local, {});
    expect(record).toMatchObject({ status: 'failed', error: `127.0.0.1 is a loopback address; ${HINT}` });
    expect(paths).toEqual([]);
  });

  it('refuses a redirect to 127.0.0.1 from a public Backstage', async () => {
    paths.length = 0;
    // The test server stands in for a public host: the resolver and route play the network.
    const viaPublic: OutboundPolicy = {
      resolve: async () => [{ address: '93.184.215.14', family: 4 }],
      route: () => ({ address: '127.0.0.1', family: 4 }),
    };
    const record = await importWith(`http://backstage.example.com:${port}/redirect`, viaPublic);
    expect(record).toMatchObject({
      status: 'failed',
      error: `http://backstage.example.com:${port} redirected to ${local}: 127.0.0.1 is a loopback address; ${HINT}`,
    });
    expect(paths).toEqual(['/redirect/api/catalog/entities/by-query']);
  });

  it('never repeats a non-JSON answer in the error', async () => {
    const record = await importWith(`${local}/html`, { allowPrivate: true });
    expect(record).toMatchObject({
      status: 'failed',
      error: `${local}/html answered /html/api/catalog/entities/by-query with something that is not JSON (text/html): is this the address of a Backstage?`,
    });
    expect(JSON.stringify(record)).not.toContain('hunter2');
    expect(JSON.stringify(await t.database.db.selectFrom('imports').selectAll().execute())).not.toContain(
      'INTERNAL-ADMIN',
    );
  });

  it('imports from a private address when PAVED_ALLOW_PRIVATE_DESTINATIONS allows it', async () => {
    const record = await importWith(local, { allowPrivate: true });
    expect(record).toMatchObject({ status: 'succeeded', error: null });
  });
});
