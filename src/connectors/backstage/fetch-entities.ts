import { stringify } from 'yaml';
import { AppError } from '../../http/errors.js';
import { DestinationRefused, safeFetch, type OutboundPolicy } from '../safe-fetch.js';
import type { CatalogFile } from './catalog-file.js';

interface BackstageEntity {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: Record<string, unknown>;
  spec?: unknown;
}

interface QueryPage {
  items?: BackstageEntity[];
  pageInfo?: { nextCursor?: string };
}

// Fields Backstage adds to stored entities; they are not part of the descriptor.
const SERVER_FIELDS = ['uid', 'etag', 'generation'];
const MAX_PAGES = 10_000;

/** A page's JSON; what the answer said is never repeated (it may be anything the URL's server chose to send). */
async function readPage(response: Response, base: string, path: string): Promise<QueryPage> {
  const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    const shown = !type
      ? 'no content type'
      : /^[\w.+-]{1,60}\/[\w.+-]{1,60}$/.test(type)
        ? type
        : 'an odd content type';
    throw new AppError(
      'UPSTREAM_FAILED',
      `${base} answered ${path} with something that is not JSON (${shown}): is this the address of a Backstage?`,
    );
  }
  if (!body || typeof body !== 'object' || !Array.isArray((body as QueryPage).items ?? []))
    throw new AppError('UPSTREAM_FAILED', `${base} answered ${path} with JSON that is not a page of entities`);
  return body as QueryPage;
}

/**
 * Reads every entity from a running Backstage (`GET /api/catalog/entities/by-query`, cursor pages)
 * and turns each into a descriptor file named by its reference, so problems read `component:default/x:1: …`.
 * Location entities are Backstage's own registrations and are left out. Requests go through the outbound guard
 * (safeFetch) under `outbound`.
 */
export async function fetchBackstageEntities(
  baseUrl: string,
  token: string | null,
  outbound: OutboundPolicy = {},
  pageSize = 500,
): Promise<CatalogFile[]> {
  const files: CatalogFile[] = [];
  const base = baseUrl.replace(/\/+$/, '');
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = new URL(`${base}/api/catalog/entities/by-query`);
    if (cursor) url.searchParams.set('cursor', cursor);
    else url.searchParams.set('limit', String(pageSize));
    let response: Response;
    try {
      response = await safeFetch(
        url,
        { headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } },
        outbound,
      );
    } catch (error) {
      if (error instanceof DestinationRefused) throw new AppError('UPSTREAM_FAILED', error.message);
      throw new AppError(
        'UPSTREAM_FAILED',
        `could not reach ${base}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!response.ok) {
      throw new AppError(
        'UPSTREAM_FAILED',
        `${base} answered ${response.status} ${response.statusText} to ${url.pathname}`,
      );
    }
    const body = await readPage(response, base, url.pathname);
    for (const entity of body.items ?? []) {
      if (typeof entity.kind === 'string' && entity.kind.toLowerCase() === 'location') continue;
      const metadata = { ...(entity.metadata ?? {}) };
      for (const field of SERVER_FIELDS) delete metadata[field];
      const path =
        `${String(entity.kind)}:${String(metadata.namespace ?? 'default')}/${String(metadata.name)}`.toLowerCase();
      files.push({
        path,
        content: stringify({ apiVersion: entity.apiVersion, kind: entity.kind, metadata, spec: entity.spec ?? {} }),
      });
    }
    cursor = body.pageInfo?.nextCursor;
    if (!cursor) return files;
  }
  throw new AppError('UPSTREAM_FAILED', `${base} returned more than ${MAX_PAGES} pages`);
}
