import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.js';
import { documents, groupDoc } from './descriptors.js';

// Findings 2 and 3 of the probe: one viewer's open range stalled the server, and the open sign-in route read a
// 200 MB body in full.

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const content = documents(
    groupDoc('platform'),
    'apiVersion: paved.dev/v1alpha1\nkind: Capability\nmetadata: { name: golden-ci }\nspec: { owner: platform, lifecycle: ga }\n',
  );
  expect(
    (await t.call('POST', '/api/v1/imports/backstage', { body: { files: [{ path: 'c.yaml', content }] } })).status,
  ).toBe(200);
});

afterAll(() => t.close());

describe('period series and lists bound their work', () => {
  it('refuses the probe’s open adoption range at once, naming from', async () => {
    const started = performance.now();
    const res = await t.call(
      'GET',
      '/api/v1/capabilities/golden-ci/adoption?from=0001-01-01&to=9999-12-31&interval=week',
      { role: 'viewer' },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('from');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses more than 120 periods, saying the maximum and suggesting months', async () => {
    const res = await t.call(
      'GET',
      '/api/v1/capabilities/golden-ci/adoption?from=1900-01-01&to=9999-12-31&interval=week',
      { role: 'viewer' },
    );
    const reason = 'the range holds 422638 weeks; at most 120 per request: shorten it, or ask for interval=month';
    expect(res).toEqual({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: `from: ${reason}`, details: [{ field: 'from', reason }] } },
    });
    const months = await t.call('GET', '/api/v1/capabilities/golden-ci/adoption?from=2000-01-01&to=2010-01-02');
    expect(months.body.error.details).toEqual([
      { field: 'from', reason: 'the range holds 121 months; at most 120 per request: shorten it' },
    ]);
  });

  it('answers 120 periods', async () => {
    const res = await t.call('GET', '/api/v1/capabilities/golden-ci/adoption?from=2000-01-01&to=2010-01-01');
    expect(res.status).toBe(200);
    expect(res.body.series).toHaveLength(120);
  });

  it('caps a list’s page size, saying the maximum', async () => {
    for (const [path, max] of [
      ['/api/v1/services?limit=100000', 200],
      ['/api/v1/deployments?limit=501', 500],
      ['/api/v1/search?q=a&limit=51', 50],
    ] as const) {
      const res = await t.call('GET', path, { role: 'viewer' });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ field: 'limit', reason: `must be a whole number from 1 to ${max}` }]);
    }
  });
});

/** A body of `total` bytes that records how much of it was read. */
function countingBody(total: number, chunk = 64 * 1024) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      const size = Math.min(chunk, total - state.pulled);
      state.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return { stream, state };
}

const send = (path: string, stream: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
  t.app.request(
    new Request(`http://localhost${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: stream,
      duplex: 'half',
    } as RequestInit),
  );

describe('every route has a body limit', () => {
  it('refuses a declared 1 MB body on the open session route without reading it', async () => {
    const { stream, state } = countingBody(1024 * 1024);
    const res = await send('/api/v1/session', stream, { 'content-length': String(1024 * 1024) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'a request body is limited to 64 KiB on this route' },
    });
    expect(state.pulled).toBeLessThan(256 * 1024);
  });

  it('refuses a chunked body once it passes the limit, before reading the rest', async () => {
    const { stream, state } = countingBody(50 * 1024 * 1024);
    const res = await send('/api/v1/session', stream, { 'transfer-encoding': 'chunked' });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(state.pulled).toBeLessThan(1024 * 1024);
  });

  it('still signs in with a small body, and lets larger routes take what they declare', async () => {
    const session = await t.call('POST', '/api/v1/session', { role: null, body: { token: t.tokens.viewer } });
    expect(session.status).toBe(200);
    // A backfill of 2,000 deployments (about 200 kB) is over the default and within the delivery routes' 25 MB.
    const batch = Array.from({ length: 2000 }, (_, i) => ({
      id: `deploy-${i}-${'x'.repeat(40)}`,
      service: 'nowhere',
      finishedAt: '2025-01-01T00:00:00Z',
    }));
    expect(JSON.stringify(batch).length).toBeGreaterThan(64 * 1024);
    const res = await t.call('POST', '/api/v1/deployments', { body: batch });
    expect(res.status).toBe(200);
  });

  it('holds a JSON form to the default: a token request of 100 kB is refused', async () => {
    const res = await t.call('POST', '/api/v1/tokens', { body: { name: 'n'.repeat(100 * 1024), role: 'viewer' } });
    expect(res.status).toBe(413);
    expect(
      await t.database.db.selectFrom('api_tokens').select('id').where('role', '=', 'viewer').execute(),
    ).toHaveLength(1);
  });
});
