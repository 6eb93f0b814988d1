import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalOf } from './address-ranges.js';
import { DestinationRefused, safeFetch, type Resolver } from './safe-fetch.js';

const HINT = 'set PAVED_ALLOW_PRIVATE_DESTINATIONS=true to allow private destinations';

let server: Server;
let port: number;
let local: string;
const seen: { path: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    seen.push({ path: url.pathname, headers: req.headers });
    const to = url.searchParams.get('to');
    if (to) {
      res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: to });
      return res.end();
    }
    if (url.pathname === '/big') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(Buffer.alloc(64 * 1024, 1));
      return res.end(Buffer.alloc(64 * 1024, 1));
    }
    if (url.pathname === '/slow') return; // never answers
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ path: url.pathname, host: req.headers.host }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  local = `http://127.0.0.1:${port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
);

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DestinationRefused);
  return (error as Error).message;
};

/** A resolver standing in for DNS: each name answers the given addresses. */
const resolver =
  (names: Record<string, string[]>): Resolver =>
  async (hostname) =>
    (names[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('address ranges', () => {
  it('names loopback, private, link-local, CGNAT, unspecified, multicast and metadata addresses, mapped ones too', () => {
    const what = (ip: string) => refusalOf(ip)?.what ?? null;
    expect(what('127.0.0.1')).toBe('a loopback address');
    expect(what('10.20.30.40')).toBe('a private address');
    expect(what('172.16.0.1')).toBe('a private address');
    expect(what('172.32.0.1')).toBeNull();
    expect(what('192.168.1.1')).toBe('a private address');
    expect(what('169.254.1.1')).toBe('a link-local address');
    expect(what('100.64.0.1')).toBe('a shared (carrier-grade NAT) address');
    expect(what('0.0.0.0')).toBe('an unspecified address');
    expect(what('239.1.1.1')).toBe('a multicast address');
    expect(refusalOf('169.254.169.254')).toEqual({ what: 'the cloud metadata address', always: true });
    expect(refusalOf('fd00:ec2::254')).toEqual({ what: 'the cloud metadata address', always: true });
    expect(what('::1')).toBe('a loopback address');
    expect(what('::')).toBe('an unspecified address');
    expect(what('fd12:3456::1')).toBe('a private address (unique local)');
    expect(what('fe80::1%eth0')).toBe('a link-local address');
    expect(what('ff02::1')).toBe('a multicast address');
    expect(what('::ffff:127.0.0.1')).toBe('the IPv4-mapped form of 127.0.0.1, a loopback address');
    expect(what('::ffff:a9fe:a9fe')).toBe('the IPv4-mapped form of 169.254.169.254, the cloud metadata address');
    expect(refusalOf('::ffff:a9fe:a9fe')?.always).toBe(true);
    expect(what('::ffff:8.8.8.8')).toBeNull();
    expect(what('8.8.8.8')).toBeNull();
    expect(what('2606:4700:4700::1111')).toBeNull();
  });
});

describe('safeFetch', () => {
  it('refuses a loopback address, naming it and the setting, and connects nowhere', async () => {
    seen.length = 0;
    expect(await refusal(safeFetch(`${local}/api`))).toBe(`127.0.0.1 is a loopback address; ${HINT}`);
    expect(await refusal(safeFetch(`http://[::1]:${port}/api`))).toBe(`::1 is a loopback address; ${HINT}`);
    expect(await refusal(safeFetch(`http://[::ffff:127.0.0.1]:${port}/`))).toBe(
      `::ffff:7f00:1 is the IPv4-mapped form of 127.0.0.1, a loopback address; ${HINT}`,
    );
    // The URL parser reads other spellings of an IPv4 address as the address.
    expect(await refusal(safeFetch(`http://2130706433:${port}/`))).toBe(`127.0.0.1 is a loopback address; ${HINT}`);
    expect(seen).toEqual([]);
  });

  it('refuses a host name that resolves to a private address, whichever of its addresses it is', async () => {
    const resolve = resolver({
      'backstage.internal.example': ['10.1.2.3'],
      'dual.example': ['93.184.215.14', '192.168.0.10'],
      'metadata.example': ['169.254.169.254'],
    });
    expect(await refusal(safeFetch('https://backstage.internal.example/', {}, { resolve }))).toBe(
      `backstage.internal.example resolves to 10.1.2.3, a private address; ${HINT}`,
    );
    expect(await refusal(safeFetch('https://dual.example/', {}, { resolve }))).toBe(
      `dual.example resolves to 192.168.0.10, a private address; ${HINT}`,
    );
    // Metadata stays refused even where private destinations are allowed.
    expect(await refusal(safeFetch('http://metadata.example/', {}, { resolve, allowPrivate: true }))).toBe(
      'metadata.example resolves to 169.254.169.254, the cloud metadata address; Paved never connects to it',
    );
    expect(await refusal(safeFetch('http://169.254.169.254/latest/meta-data/', {}, { allowPrivate: true }))).toBe(
      '169.254.169.254 is the cloud metadata address; Paved never connects to it',
    );
  });

  it('refuses schemes other than http(s)', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/x', 'gopher://example.com/', 'data:text/plain,hi'])
      expect(await refusal(safeFetch(url, {}, { allowPrivate: true }))).toMatch(
        /^(file|ftp|gopher|data) URLs are not fetched; give an http\(s\) URL$/,
      );
  });

  // The test server listens on loopback; `route` plays a network where this public address reaches it.
  const PUBLIC = '93.184.215.14';
  const viaPublic = {
    resolve: resolver({ 'public.example': [PUBLIC] }),
    route: () => ({ address: '127.0.0.1', family: 4 }),
  };

  it('checks every redirect hop: a public host redirecting to 127.0.0.1 is refused', async () => {
    seen.length = 0;
    const start = `http://public.example:${port}/start?to=${encodeURIComponent(`${local}/landed`)}`;
    expect(await refusal(safeFetch(start, {}, viaPublic))).toBe(
      `http://public.example:${port} redirected to ${local}: 127.0.0.1 is a loopback address; ${HINT}`,
    );
    expect(seen.map((s) => s.path)).toEqual(['/start']);
    // A redirect to a name that resolves privately, and to another scheme, are refused the same way.
    const toFile = `http://public.example:${port}/start?to=${encodeURIComponent('file:///etc/passwd')}`;
    expect(await refusal(safeFetch(toFile, {}, viaPublic))).toBe(
      `http://public.example:${port} redirected to a file: URL: file URLs are not fetched; give an http(s) URL`,
    );
    expect(seen.map((s) => s.path)).toEqual(['/start', '/start']);
  });

  it('follows redirects within the allowed destinations, at most 5, keeping credentials to the first origin', async () => {
    seen.length = 0;
    const landed = `http://localhost:${port}/landed`;
    const start = `${local}/start?status=307&to=${encodeURIComponent(landed)}`;
    const response = await safeFetch(start, { headers: { authorization: 'Bearer secret' } }, { allowPrivate: true });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ path: '/landed', host: `localhost:${port}` });
    expect(seen.map((s) => [s.path, s.headers.authorization])).toEqual([
      ['/start', 'Bearer secret'],
      ['/landed', undefined], // another origin: the token is not sent there
    ]);

    let url = `${local}/end`;
    for (let i = 0; i < 6; i++) url = `${local}/hop?to=${encodeURIComponent(url)}`;
    const error = await safeFetch(url, {}, { allowPrivate: true }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`${local} redirected more than 5 times`);
  });

  it('reaches loopback when private destinations are allowed, at the address the check saw', async () => {
    const ok = await safeFetch(`${local}/api`, {}, { allowPrivate: true });
    expect(await ok.json()).toEqual({ path: '/api', host: `127.0.0.1:${port}` });
    // The name never resolves in DNS: the connection goes to the checked address, the Host header keeps the name.
    const named = await safeFetch(
      `http://backstage.invalid:${port}/api`,
      {},
      { allowPrivate: true, resolve: resolver({ 'backstage.invalid': ['127.0.0.1'] }) },
    );
    expect(await named.json()).toEqual({ path: '/api', host: `backstage.invalid:${port}` });
  });

  it('bounds the time and the size of an answer', async () => {
    const slow = await safeFetch(`${local}/slow`, {}, { allowPrivate: true, timeoutMs: 300 }).catch(
      (e: unknown) => e as Error,
    );
    expect((slow as Error).message).toBe(`${local} did not answer within 0.3 s`);
    const big = await safeFetch(`${local}/big`, {}, { allowPrivate: true, maxBytes: 100_000 }).catch(
      (e: unknown) => e as Error,
    );
    expect((big as Error).message).toBe(`${local} answered more than 98 KB; Paved reads no more`);
    const fits = await safeFetch(`${local}/big`, {}, { allowPrivate: true, maxBytes: 200_000 });
    expect((await fits.arrayBuffer()).byteLength).toBe(128 * 1024);
  });
});
