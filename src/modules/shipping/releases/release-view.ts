import type { Db } from '../../../db/schema/index.js';
import { notFound } from '../../../http/errors.js';
import { isoOrNull } from '../../../http/openapi.js';
import type { Release } from './contract.js';
import { closesOf, findRelease, viewsOf, type ReleaseWithCapability } from './repo.js';

const iso = (d: Date | string) => new Date(d).toISOString();

/** Releases as the API shows them, with what each closes and how often its notes were viewed (two queries). */
export async function releaseViews(db: Db, rows: ReleaseWithCapability[]): Promise<Release[]> {
  const ids = rows.map((r) => r.id);
  const [closes, views] = await Promise.all([closesOf(db, ids), viewsOf(db, ids)]);
  return rows.map((row) => ({
    id: row.id,
    capability: row.capability_name,
    capabilityTitle: row.capability_title,
    version: row.version,
    type: row.type,
    title: row.title,
    notes: row.notes,
    date: iso(row.released_at),
    deadline: row.deadline_text,
    rules: (row.rules as Release['rules']) ?? null,
    source: row.source,
    url: row.external_url,
    repository: row.external_repository,
    closes: closes
      .filter((c) => c.release_id === row.id)
      .map(({ kind, id, title, status }) => ({ kind, id, title, status })),
    views: views.get(row.id) ?? 0,
    createdBy: row.created_by,
    createdAt: isoOrNull(row.created_at) ?? '',
    updatedAt: isoOrNull(row.updated_at) ?? '',
  }));
}

export async function releaseView(db: Db, id: number): Promise<Release> {
  const row = await findRelease(db, id);
  if (!row) throw notFound(`release ${id}`);
  const [view] = await releaseViews(db, [row]);
  return view as Release;
}

/** The opaque cursor after a release: its date and id. */
export const releaseCursor = (row: { released_at: Date | string; id: number }) =>
  Buffer.from(`${iso(row.released_at)}|${row.id}`).toString('base64url');

/** The release a cursor names, or undefined when it is not one this API returned. */
export function readReleaseCursor(cursor: string): { at: Date; id: number } | undefined {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  const n = Number(id);
  return Number.isNaN(date.getTime()) || !Number.isSafeInteger(n) || n <= 0 ? undefined : { at: date, id: n };
}
