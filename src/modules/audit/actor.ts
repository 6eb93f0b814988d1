import type { AuditChannel } from '../../db/schema/audit.js';

/**
 * Who made a write, as every writing service receives it: a request's Principal fits as it is (routes pass
 * `c.get('principal')`), and the CLI, jobs and webhooks make one with `actor()`. `name` is what `createdBy`,
 * `declaredBy` and `requestedBy` keep; the audit trail keeps the person, token and channel too.
 */
export interface Actor {
  name: string;
  person: string | null;
  tokenId: number | null;
  /** A session is the UI, a bearer token the API; set outright by the CLI, jobs and webhooks. */
  via?: 'token' | 'session';
  channel?: AuditChannel;
}

/** An actor outside a request: the CLI writing to the database itself, a job, a webhook sender, the demo. */
export function actor(name: string, channel: AuditChannel, from: Partial<Actor> = {}): Actor {
  return { name, person: from.person ?? null, tokenId: from.tokenId ?? null, channel };
}

/** Where a write came from: `cli:` names the CLI (also through a running server's API). */
export function channelOf(who: Actor): AuditChannel {
  if (who.channel) return who.channel;
  if (who.name.startsWith('cli:')) return 'cli';
  return who.via === 'session' ? 'ui' : 'api';
}

/** The same actor, acting later in a job it queued (a URL import, a scan): credited to them, through 'job'. */
export function inJob(who: Actor): Actor {
  return actor(who.name, 'job', who);
}

/**
 * An actor from a bare name, as Paved's own writers give it (the demo, benchmarks, tests): `cli:` names the CLI,
 * anything else is Paved at work ('job').
 */
export function asActor(who: Actor | string): Actor {
  return typeof who === 'string' ? actor(who, who.startsWith('cli:') ? 'cli' : 'job') : who;
}
