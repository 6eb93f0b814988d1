import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { refusalOf } from './address-ranges.js';

export const ALLOW_PRIVATE_SETTING = 'PAVED_ALLOW_PRIVATE_DESTINATIONS';

export interface ResolvedAddress {
  address: string;
  family: number;
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** Where Paved may connect when it fetches a URL someone typed, and how long and how much it reads. */
export interface OutboundPolicy {
  /** PAVED_ALLOW_PRIVATE_DESTINATIONS: allow loopback, private and link-local addresses (cloud metadata never). */
  allowPrivate?: boolean;
  /** Every address of a host name; the system resolver (dns.lookup, all addresses) when absent. */
  resolve?: Resolver;
  /** For the whole exchange, redirects and body included. */
  timeoutMs?: number;
  /** Largest response body read. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Tests only: stands in for the network, reaching a checked (public) address at a local one. */
  route?: (checked: ResolvedAddress) => ResolvedAddress;
}

export interface SafeFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

/** A destination the policy does not allow; its message names the address, the reason and the way out. */
export class DestinationRefused extends Error {
  override name = 'DestinationRefused';
}

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true });

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Sent to the origin the caller named; not to wherever it redirects.
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * The addresses `url` may be reached at under `policy`, resolved once: the connection uses these (no second lookup
 * a rebinding DNS server could answer differently). Throws DestinationRefused for a scheme other than http(s) or
 * any address that is not public (all of a host's addresses are checked).
 */
export async function checkDestination(
  url: URL,
  policy: OutboundPolicy = {},
  signal?: AbortSignal,
): Promise<ResolvedAddress[]> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new DestinationRefused(`${url.protocol.replace(/:$/, '')} URLs are not fetched; give an http(s) URL`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(host);
  let addresses = [{ address: host, family: literal }];
  if (!literal) {
    const resolving = (policy.resolve ?? systemResolver)(host);
    addresses = await (signal ? Promise.race([resolving, rejectOnAbort(signal)]) : resolving);
  }
  if (addresses.length === 0) throw new Error(`${host} has no address`);
  for (const { address } of addresses) {
    const refusal = refusalOf(address);
    if (!refusal || (policy.allowPrivate && !refusal.always)) continue;
    const subject = literal ? `${address} is` : `${host} resolves to ${address},`;
    const way = refusal.always
      ? 'Paved never connects to it'
      : `set ${ALLOW_PRIVATE_SETTING}=true to allow private destinations`;
    throw new DestinationRefused(`${subject} ${refusal.what}; ${way}`);
  }
  return addresses;
}

function send(url: URL, init: SafeFetchInit, addresses: ResolvedAddress[], signal: AbortSignal) {
  // Hands the connection the checked addresses instead of asking DNS again. Host header and TLS name stay the URL's.
  const lookup: LookupFunction = (_hostname, options, callback) => {
    const first = addresses[0]!;
    if (options.all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, addresses);
    else callback(null, first.address, first.family);
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = request(url, {
      method: init.method ?? 'GET',
      headers: init.headers,
      lookup,
      signal,
      agent: false, // no pooled connection made under another check
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end(init.body);
  });
}

const where = (url: URL) => (url.origin === 'null' ? `a ${url.protocol} URL` : url.origin);
const amount = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;

async function readBody(response: IncomingMessage, url: URL, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new Error(`${url.origin} answered more than ${amount(maxBytes)}; Paved reads no more`);
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function toResponse(message: IncomingMessage, body: Buffer): Response {
  const headers = new Headers();
  for (let i = 0; i + 1 < message.rawHeaders.length; i += 2) {
    try {
      headers.append(message.rawHeaders[i]!, message.rawHeaders[i + 1]!);
    } catch {
      // a header the fetch API cannot hold is dropped
    }
  }
  const status = message.statusCode ?? 502;
  return new Response(status === 204 || status === 304 ? null : new Uint8Array(body), {
    status,
    statusText: (message.statusMessage ?? '').replace(/[^\t\x20-\x7e]/g, '').slice(0, 100),
    headers,
  });
}

/**
 * Fetches a URL someone typed (a Backstage to import from, later connections and announcement webhooks), the one
 * way Paved reaches such URLs: http(s) only; every address of the host, on every redirect hop, must be public
 * unless `policy.allowPrivate`; the connection goes to the checked address; redirects followed by hand (at most
 * 5, credentials kept to the first origin); the whole exchange bounded in time and the body in size.
 */
export async function safeFetch(
  input: string | URL,
  init: SafeFetchInit = {},
  policy: OutboundPolicy = {},
): Promise<Response> {
  const timeoutMs = policy.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = policy.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
  let url = new URL(input);
  let current: SafeFetchInit = { ...init, headers: { ...(init.headers ?? {}) } };
  let from: URL | null = null;
  try {
    for (let hop = 0; ; hop++) {
      const addresses = await checkDestination(url, policy, signal).catch((error: unknown) => {
        if (from && error instanceof DestinationRefused)
          throw new DestinationRefused(`${from.origin} redirected to ${where(url)}: ${error.message}`);
        throw error;
      });
      const message = await send(url, current, policy.route ? addresses.map(policy.route) : addresses, signal);
      const location = message.headers.location;
      if (!REDIRECTS.has(message.statusCode ?? 0) || !location) {
        return toResponse(message, await readBody(message, url, policy.maxBytes ?? DEFAULT_MAX_BYTES));
      }
      message.resume();
      if (hop >= maxRedirects) throw new Error(`${url.origin} redirected more than ${maxRedirects} times`);
      const next = new URL(location, url);
      const headers = { ...current.headers };
      if (next.origin !== url.origin) {
        for (const name of Object.keys(headers))
          if (CREDENTIAL_HEADERS.includes(name.toLowerCase())) delete headers[name];
      }
      const method = current.method?.toUpperCase() ?? 'GET';
      const status = message.statusCode;
      const toGet = status === 303 || (status !== 307 && status !== 308 && method === 'POST');
      if (toGet) {
        for (const name of Object.keys(headers))
          if (['content-type', 'content-length'].includes(name.toLowerCase())) delete headers[name];
      }
      current = toGet ? { ...current, method: 'GET', body: undefined, headers } : { ...current, headers };
      from = url;
      url = next;
    }
  } catch (error) {
    if (deadline.aborted && !(error instanceof DestinationRefused))
      throw new Error(`${url.origin} did not answer within ${timeoutMs / 1000} s`, { cause: error });
    throw error;
  }
}
