import type { Db } from '../../../db/schema/index.js';
import type { DeploymentFact, Fact } from '../../../connectors/facts.js';
import * as repo from './repo.js';

export interface DeliveryFacts {
  deliveryId: number;
  facts: Fact[];
}

type Tagged<K extends Fact['kind']> = Extract<Fact, { kind: K }> & { deliveryId: number };

const deploymentKey = (d: DeploymentFact) => `${d.source}\n${d.externalId}`;
const deploymentRow = (d: Tagged<'deployment' | 'runDeployment'>): repo.DeploymentRow => ({
  ...d,
  finishedAt: d.finishedAt.toISOString(),
});

/**
 * Writes the facts of several deliveries, in delivery order, with as few statements as the rules allow; the result
 * is the same as writing them one by one: a commit's first record stands, a deployment's last status wins over
 * any workflow run of it, and incident events apply in order.
 */
export async function writeFacts(db: Db, deliveries: DeliveryFacts[]) {
  const all = deliveries.flatMap(({ deliveryId, facts }) => facts.map((f) => ({ ...f, deliveryId })));
  const of = <K extends Fact['kind']>(kind: K) => all.filter((f): f is Tagged<K> => f.kind === kind);

  await repo.writeChanges(
    db,
    of('change').map((c) => ({ ...c, committedAt: c.committedAt.toISOString() })),
  );
  const statuses = new Map(of('deployment').map((d) => [deploymentKey(d), d]));
  const runs = new Map<string, Tagged<'runDeployment'>>();
  for (const run of of('runDeployment'))
    if (!statuses.has(deploymentKey(run)) && !runs.has(deploymentKey(run))) runs.set(deploymentKey(run), run);
  await repo.writeDeployments(db, [...statuses.values()].map(deploymentRow), 'replace');
  await repo.writeDeployments(db, [...runs.values()].map(deploymentRow), 'fill');

  // Few, and each may depend on the one before (triggered, then resolved): one statement each, in order.
  for (const i of all) {
    if (i.kind === 'incident') await repo.recordIncidentEvent(db, i);
    if (i.kind === 'incidentWithdrawn') await repo.deleteIncident(db, i.source, i.externalId);
  }
}
