import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema/index.js';
import { productionPattern } from '../../shared/production.js';
import { DEFAULT_DEPLOY_WORKFLOWS } from '../../connectors/github/read-delivery.js';
import { deriveGithub, type GithubSettings } from '../../connectors/github/read-delivery.js';
import { deriveGitlab } from '../../connectors/gitlab/read-delivery.js';
import { derivePagerDuty } from '../../connectors/pagerduty/read-delivery.js';
import { writeFacts, type DeliveryFacts } from '../delivery/facts/write-facts.js';
import { type Derived, UnusablePayload } from '../../connectors/payload.js';
import * as repo from './repo.js';
import type { ServiceLookup } from '../../connectors/service-lookup.js';
import { createServiceLookup } from '../catalog/service-mapping/service-lookup.js';
import { recordDeliveries } from './record-deliveries.js';
import { DEFAULT_FEEDBACK_LABELS, type FeedbackLabels } from '../../connectors/issue-feedback.js';
import { writeIssueFeedback } from '../voice/feedback/sources/write-issue-feedback.js';
import { writeReleaseFacts } from '../shipping/releases/write-release-facts.js';

export type DeriveOutcome = { status: repo.DeliveryStatus; reason?: string } | { missing: number };

/** How deliveries are read; absent settings take the defaults (see config.ts). */
export interface DeriveSettings {
  deployWorkflows?: string[];
  productionEnvironments?: string[];
  /** Issue labels that make bugs, requests and support requests (PAVED_FEEDBACK_*_LABELS). */
  feedbackLabels?: FeedbackLabels;
}

type Stored = Awaited<ReturnType<typeof repo.getDeliveries>>[number];
type Reading = Derived | { status: 'failed'; reason: string };
const PARSE_BETWEEN_YIELDS = 20;

/** Parses bodies a few at a time, letting waiting requests in between: a batch's bodies can take tens of ms. */
async function parseBodies(deliveries: Stored[]): Promise<(unknown | SyntaxError)[]> {
  const bodies: (unknown | SyntaxError)[] = [];
  for (const [index, delivery] of deliveries.entries()) {
    if (index > 0 && index % PARSE_BETWEEN_YIELDS === 0) await new Promise((resolve) => setImmediate(resolve));
    try {
      bodies.push(JSON.parse(delivery.body));
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      bodies.push(error);
    }
  }
  return bodies;
}

async function read(
  delivery: Stored,
  body: unknown,
  services: ServiceLookup,
  settings: GithubSettings,
): Promise<Reading> {
  if (body instanceof SyntaxError) return { status: 'failed', reason: `the stored body is not JSON: ${body.message}` };
  try {
    if (delivery.source === 'github') return await deriveGithub(services, delivery.event, body, settings);
    if (delivery.source === 'gitlab')
      return await deriveGitlab(services, delivery.event, body, settings.production, settings.feedbackLabels);
    return await derivePagerDuty(services, body);
  } catch (error) {
    if (error instanceof UnusablePayload) return { status: 'failed', reason: error.message };
    throw error;
  }
}

/**
 * Derives stored deliveries' facts and marks each; safe to run again (redelivery, replay, re-derivation after a
 * fix). The deliveries are read side by side (their services looked up together), then every fact is written and
 * every delivery marked in one transaction. A payload lacking what we need is marked failed with the reason and
 * derives nothing; a delivery that carries nothing Paved uses is marked ignored with the reason.
 */
export async function deriveDeliveries(
  db: Kysely<Database>,
  ids: number[],
  settings: DeriveSettings = {},
): Promise<Map<number, DeriveOutcome>> {
  const deliveries = await repo.getDeliveries(db, ids);
  const services = createServiceLookup(db);
  const bodies = await parseBodies(deliveries);
  const readSettings: GithubSettings = {
    deployWorkflows: settings.deployWorkflows ?? DEFAULT_DEPLOY_WORKFLOWS,
    production: productionPattern(settings.productionEnvironments),
    feedbackLabels: settings.feedbackLabels ?? DEFAULT_FEEDBACK_LABELS,
  };
  const readings = await Promise.all(deliveries.map((d, i) => read(d, bodies[i], services, readSettings)));
  const facts: DeliveryFacts[] = [];
  const outcomes = new Map<number, DeriveOutcome>(ids.map((id) => [id, { missing: id }]));
  const marks = deliveries.map((d, i) => {
    const reading = readings[i] as Reading;
    if (reading.status === 'processed') facts.push({ deliveryId: d.id, facts: reading.facts });
    const reason = reading.status === 'processed' ? null : reading.reason;
    outcomes.set(d.id, reason === null ? { status: reading.status } : { status: reading.status, reason });
    return { id: d.id, status: reading.status, error: reason };
  });
  await db.transaction().execute(async (tx) => {
    await writeFacts(tx, facts);
    await writeIssueFeedback(
      tx,
      facts.flatMap((d) => d.facts),
    );
    await writeReleaseFacts(
      tx,
      facts.flatMap((d) => d.facts),
    );
    await repo.markDeliveries(tx, marks);
    await recordDeliveries(tx, deliveries, readings);
  });
  return outcomes;
}

/** One stored delivery, as `deriveDeliveries` derives it. */
export async function deriveStoredDelivery(
  db: Kysely<Database>,
  id: number,
  settings: DeriveSettings = {},
): Promise<DeriveOutcome> {
  return (await deriveDeliveries(db, [id], settings)).get(id) ?? { missing: id };
}
