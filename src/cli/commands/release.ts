import { readFile } from 'node:fs/promises';
import { inTransaction } from '../../db/transaction.js';
import { AppError, type ErrorDetail } from '../../http/errors.js';
import { zodDetails } from '../../http/router.js';
import { actor } from '../../modules/audit/actor.js';
import { releaseCreate, type Release } from '../../modules/shipping/releases/contract.js';
import { releaseView } from '../../modules/shipping/releases/release-view.js';
import { createRelease } from '../../modules/shipping/releases/write-release.js';
import { cliActor, newDatabaseNote, whereIs, type Backend } from '../backend.js';
import { mustExist } from './import.js';

export interface ReleaseArgs {
  capability: string;
  version: string;
  notesFile: string;
  type?: string | undefined;
  title?: string | undefined;
  date?: string | undefined;
  /** `request:12,bug:3,roadmap:4`. */
  closes?: string | undefined;
}

type ErrorBody = { error: { code: string; message: string; details?: unknown } };
type Outcome = { ok: true; release: Release } | { ok: false; message: string; details: ErrorDetail[] };

const USAGE =
  'paved release <capability> <version> --notes FILE [--type T] [--title T] [--date D] [--closes request:12,bug:3]';

/** `request:12,bug:3` as closes items; kinds and ids are checked by the contract like the API's. */
function parseCloses(list: string): unknown[] {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [kind, id] = part.split(':');
      return { kind: kind?.trim(), id: /^\d+$/.test(id?.trim() ?? '') ? Number(id) : id };
    });
}

const isDetails = (v: unknown): v is ErrorDetail[] =>
  Array.isArray(v) && v.every((d) => d && typeof d === 'object' && 'field' in d && 'reason' in d);

/** The release through the same service the API uses: directly, or through the running server's API. */
async function publish(backend: Backend, body: Record<string, unknown>): Promise<Outcome> {
  if (backend.kind === 'api') {
    const res = await backend.request<Release | ErrorBody>('POST', '/api/v1/releases', body);
    if (!('error' in res.body)) return { ok: true, release: res.body };
    const { message, details } = res.body.error;
    return { ok: false, message, details: isDetails(details) ? details : [] };
  }
  const parsed = releaseCreate.safeParse(body);
  if (!parsed.success) return { ok: false, message: 'the release is not valid', details: zodDetails(parsed.error) };
  try {
    const id = await inTransaction(backend.db, (tx) =>
      // Whoever may read the data directory may publish for any capability.
      createRelease(tx, actor(cliActor(), 'cli'), parsed.data, { authorize: () => undefined, source: 'cli' }),
    );
    return { ok: true, release: await releaseView(backend.db, id) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, message: error.message, details: isDetails(error.details) ? error.details : [] };
  }
}

/**
 * `paved release <capability> <version> --notes FILE`: publishes a release from a CI pipeline, with its notes
 * from a Markdown file. Exits 1 naming each bad field when the release is refused.
 */
export async function releaseCommand(
  backend: Backend,
  args: ReleaseArgs,
  log: (line: string) => void,
): Promise<number> {
  await mustExist(args.notesFile, 'a file');
  const body: Record<string, unknown> = {
    capability: args.capability,
    version: args.version,
    type: args.type ?? 'feature',
    notes: await readFile(args.notesFile, 'utf8'),
    ...(args.title !== undefined ? { title: args.title } : {}),
    ...(args.date !== undefined ? { date: args.date } : {}),
    ...(args.closes !== undefined ? { closes: parseCloses(args.closes) } : {}),
  };
  const outcome = await publish(backend, body);
  if (!outcome.ok) {
    log(`No release published in ${whereIs(backend)}: ${outcome.message}`);
    for (const d of outcome.details) log(`  ${d.field}: ${d.reason}`);
    return 1;
  }
  const r = outcome.release;
  log(
    `Published ${r.capability} ${r.version} (${r.type}, ${r.date.slice(0, 10)}) as release ${r.id} in ${whereIs(backend)}`,
  );
  for (const c of r.closes) log(`  closes ${c.kind} ${c.id} "${c.title}": ${c.status}`);
  for (const line of newDatabaseNote(backend)) log(line);
  return 0;
}

export const releaseUsage = `usage: ${USAGE}`;
