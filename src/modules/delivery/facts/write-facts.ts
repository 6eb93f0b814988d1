import type { Db } from '../../../db/schema/index.js';
import type { DeploymentFact, Fact } from '../../../connectors/facts.js';
import * as repo from '../repo.js';

export interface DeliveryFacts {
  deliveryId: number;
  facts: Fact[];
}

type Tagged<K extends Fact['kind']> = Extract<Fact, { kind: K }> & { deliveryId: number };

const CHUNK = 1000;
const chunks = <T>(rows: T[]) => Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));
const deploymentKey = (d: DeploymentFact) => `${d.source}\n${d.externalId}`;

/**
 * Writes the facts of several deliveries, in delivery order, with as few statements as the rules allow; the result
 * is the same as writing them one by one: a commit's first record stands, a deployment's last status wins over
 * any workflow run of it, and incident events apply in order.
 */
export async function writeFacts(db: Db, deliveries: DeliveryFacts[]) {
  const all = deliveries.flatMap(({ deliveryId, facts }) => facts.map((f) => ({ ...f, deliveryId })));
  const of = <K extends Fact['kind']>(kind: K) => all.filter((f): f is Tagged<K> => f.kind === kind);

  for (const rows of chunks(of('change'))) await repo.insertChanges(db, rows);
  const statuses = new Map(of('deployment').map((d) => [deploymentKey(d), d]));
  const runs = new Map<string, Tagged<'runDeployment'>>();
  for (const run of of('runDeployment')) if (!statuses.has(deploymentKey(run)) && !runs.has(deploymentKey(run))) runs.set(deploymentKey(run), run);
  for (const rows of chunks([...statuses.values()])) await repo.upsertDeployments(db, rows, 'replace');
  for (const rows of chunks([...runs.values()])) await repo.upsertDeployments(db, rows, 'fill');

  // Few, and each may depend on the one before (triggered, then resolved): one statement each, in order.
  for (const i of all) {
    if (i.kind === 'incident') await repo.recordIncidentEvent(db, i);
    if (i.kind === 'incidentWithdrawn') await repo.deleteIncident(db, i.source, i.externalId);
  }
}
