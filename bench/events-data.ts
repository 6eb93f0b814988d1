import { createRandom } from '../src/shared/random.js';
import type { DemoCatalog } from '../src/demo/generate-catalog.js';

/** One generated event, as the API receives it and as the COPY reference stores it (ids resolved). */
export interface BenchEvent {
  id: string;
  capability: string;
  service: string | null;
  team: string | null;
  actor: string;
  action: string;
  timestamp: string;
  count: number;
}

const ACTIONS = ['build', 'deploy', 'test', 'publish', 'scan', 'query'];
const DAY_MS = 86_400_000;

/**
 * `total` events drawn from a fixed seed over the demo catalog's capabilities and services: 95 % name a
 * service (by name or by full ref, half and half), 5 % only a team; timestamps over the past year.
 */
export function generateEvents(catalog: DemoCatalog, total: number, runId: string): BenchEvent[] {
  const rng = createRandom(catalog.seed, 'bench-events');
  const capabilities = catalog.capabilities.map((c) => c.name);
  const services = catalog.services;
  const teams = catalog.teams.filter((t) => t.role === 'customer').map((t) => t.name);
  const end = Date.now() - DAY_MS;
  const events: BenchEvent[] = new Array<BenchEvent>(total);
  for (let i = 0; i < total; i++) {
    const teamOnly = rng.chance(0.05);
    const service = rng.pick(services);
    events[i] = {
      id: `${runId}-${i}`,
      capability: rng.pick(capabilities),
      service: teamOnly ? null : rng.chance(0.5) ? service.name : service.ref,
      team: teamOnly ? rng.pick(teams) : null,
      actor: `ci-${rng.int(1, 40)}`,
      action: rng.pick(ACTIONS),
      timestamp: new Date(end - Math.floor(rng.next() * 365 * DAY_MS)).toISOString(),
      count: rng.chance(0.8) ? 1 : rng.int(2, 50),
    };
  }
  return events;
}

/** NDJSON request bodies of `batchSize` events each; fields left out when absent, as a client would. */
export function ndjsonBatches(events: BenchEvent[], batchSize: number): string[] {
  const bodies: string[] = [];
  for (let start = 0; start < events.length; start += batchSize) {
    const lines: string[] = [];
    for (const e of events.slice(start, start + batchSize)) {
      const { service, team, ...rest } = e;
      lines.push(JSON.stringify(service === null ? { ...rest, team } : { ...rest, service }));
    }
    bodies.push(lines.join('\n'));
  }
  return bodies;
}

export const COPY_COLUMNS = [
  'event_id',
  'capability_id',
  'service_id',
  'team_id',
  'actor',
  'action',
  'occurred_at',
  'count',
] as const;

/**
 * The same events as CSV rows for COPY, names resolved to entity ids through `idOf(kind, name)`.
 * Generated values hold no commas or quotes, so no field needs quoting.
 */
export function copyCsv(events: BenchEvent[], idOf: (ref: string) => number): string {
  const ref = (kind: string, text: string) => (text.includes(':') ? text : `${kind}:default/${text}`);
  const rows: string[] = [];
  for (const e of events) {
    const service = e.service === null ? '' : String(idOf(ref('component', e.service)));
    const team = e.team === null ? '' : String(idOf(ref('group', e.team)));
    rows.push(
      `${e.id},${idOf(ref('capability', e.capability))},${service},${team},${e.actor},${e.action},${e.timestamp},${e.count}`,
    );
  }
  return `${rows.join('\n')}\n`;
}
