/**
 * Bulk-loads delivery facts at a stated scale, generated in JavaScript and written through the delivery repo's bulk
 * writer (no HTTP API): every catalog service gets the same number of production deployments spread over
 * HISTORY_DAYS, two commits per deployment, and incidents at random times (a seeded generator: every run loads the
 * same rows). About 3 % of deployments roll back to an older commit (they ship nothing, and the next one ships what
 * they skipped) and a third of the last 10 days' incidents are still open, so every rule of DOMAIN.md is exercised.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../src/db/schema/index.js';
import * as facts from '../../src/modules/delivery/facts/repo.js';
import { createRandom, type Random } from '../../src/shared/random.js';
import { SERVICES, serviceName } from './catalog.js';

export const HISTORY_DAYS = 730;
export const COMMITS_PER_DEPLOYMENT = 2;

export interface FactScale {
  deployments: number;
  incidents: number;
}

export interface LoadedFacts {
  deployments: number;
  changes: number;
  incidents: number;
  ms: number;
}

const SOURCE = 'api';
const DAY_MS = 86_400_000;
/** Rows generated before they are written: a million deployments and their commits are never all in memory. */
const ROWS_PER_WRITE = 60_000;

interface Service {
  id: number;
  /** The number in the service's name (svc-0042 → 42). */
  n: number;
}

interface Shape {
  end: number;
  perService: number;
  incidentsPerService: number;
  /** The slot of one deployment, in milliseconds. */
  step: number;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const iso = (ms: number) => new Date(ms).toISOString();
const repository = (n: number) => `bench/svc-${String(n).padStart(4, '0')}`;

/** When deployment k of service n finished: evenly spaced, with a deterministic jitter inside its slot. */
const finishedAt = (shape: Shape, n: number, k: number) =>
  shape.end - HISTORY_DAYS * DAY_MS + (k - 1 + 0.1 + (0.8 * ((n * 31 + k * 17) % 1000)) / 1000) * shape.step;

/** Deployment k ships commits 2k-1 and 2k; a rollback deploys commit 2(k-2) again. */
function deploymentsOf(s: Service, shape: Shape): facts.DeploymentRow[] {
  return Array.from({ length: shape.perService }, (_, i) => {
    const k = i + 1;
    const commit =
      k > 2 && (s.n * 7919 + k * 104729) % 100 < 3 ? COMMITS_PER_DEPLOYMENT * (k - 2) : COMMITS_PER_DEPLOYMENT * k;
    return {
      source: SOURCE,
      externalId: `bench-${s.n}-${k}`,
      repository: repository(s.n),
      serviceId: s.id,
      environment: 'production',
      commit: md5(`${s.n}:${commit}`),
      finishedAt: iso(finishedAt(shape, s.n, k)),
    };
  });
}

/** Commit j belongs to deployment ceil(j / 2) and was made 30 minutes to 67 hours before it; 1 % after it. */
function changesOf(s: Service, shape: Shape): facts.ChangeRow[] {
  return Array.from({ length: shape.perService * COMMITS_PER_DEPLOYMENT }, (_, i) => {
    const j = i + 1;
    const x = s.n * 131 + j * 977;
    const minutesBefore = x % 100 === 0 ? -10 : 30 + (x % 4000);
    const committedAt = finishedAt(shape, s.n, Math.ceil(j / COMMITS_PER_DEPLOYMENT)) - minutesBefore * 60_000;
    return {
      source: SOURCE,
      repository: repository(s.n),
      serviceId: s.id,
      commit: md5(`${s.n}:${j}`),
      committedAt: iso(committedAt),
      position: j,
    };
  });
}

/** Incidents at random times; those of the last 10 days are open one time in three. */
function incidentsOf(s: Service, shape: Shape, random: Random): facts.IncidentRow[] {
  return Array.from({ length: shape.incidentsPerService }, (_, index) => {
    const i = index + 1;
    const triggered = shape.end - random.next() * HISTORY_DAYS * DAY_MS;
    const [r, d] = [random.next(), random.next()];
    const open = triggered > shape.end - 10 * DAY_MS && r < 1 / 3;
    const recoverySeconds = 300 + -Math.log(1 - d) * 7200;
    return {
      source: SOURCE,
      externalId: `bench-${s.n}-${i}`,
      serviceId: s.id,
      externalService: null,
      title: 'Error rate above threshold',
      severity: `P${1 + ((s.n + i) % 4)}`,
      causes: [],
      triggeredAt: iso(triggered),
      resolvedAt: open ? null : iso(triggered + recoverySeconds * 1000),
    };
  });
}

/** Loads the facts for the bench catalog's services, history ending at `end`; refreshes planner statistics. */
export async function loadFacts(db: Db, scale: FactScale, end: Date): Promise<LoadedFacts> {
  const started = performance.now();
  const refs = Array.from({ length: SERVICES }, (_, s) => `component:default/${serviceName(s)}`);
  const services = (await facts.findServices(db, refs))
    .map((s) => ({ id: s.id, n: Number(s.name.slice('svc-'.length)) }))
    .sort((a, b) => a.n - b.n);
  if (services.length === 0) throw new Error('no svc-NNNN services in the catalog');
  const perService = Math.max(1, Math.round(scale.deployments / services.length));
  const shape: Shape = {
    end: end.getTime(),
    perService,
    incidentsPerService: Math.max(1, Math.round(scale.incidents / services.length)),
    step: (HISTORY_DAYS * DAY_MS) / perService,
  };
  const random = createRandom(42, 'bench-incidents');
  const servicesPerWrite = Math.max(
    1,
    Math.floor(ROWS_PER_WRITE / (perService * (1 + COMMITS_PER_DEPLOYMENT) + shape.incidentsPerService)),
  );
  await db.transaction().execute(async (tx) => {
    for (let from = 0; from < services.length; from += servicesPerWrite) {
      const group = services.slice(from, from + servicesPerWrite);
      await facts.writeDeployments(
        tx,
        group.flatMap((s) => deploymentsOf(s, shape)),
        'keep',
      );
      await facts.writeChanges(
        tx,
        group.flatMap((s) => changesOf(s, shape)),
      );
      await facts.writeIncidents(
        tx,
        group.flatMap((s) => incidentsOf(s, shape, random)),
        'keep',
      );
    }
  });
  await facts.analyzeFacts(db);
  const stored = await facts.summarizeFacts(db, { sources: [SOURCE] });
  return {
    deployments: stored.deployments,
    changes: stored.changes,
    incidents: stored.incidents,
    ms: performance.now() - started,
  };
}
