import type { Db } from '../../../db/schema/index.js';
import type { MappedService, ServiceLookup } from '../../../connectors/service-lookup.js';
import * as repo from './repo.js';
import { SERVICE_ANNOTATION, type MappedSource as Kind } from './annotations.js';

/**
 * A lookup for one batch of deliveries: the names asked for while the batch is read (derivations run side by side)
 * are looked up together, one query per kind, and each name only once. Slugs compare without case (the expression
 * indexes of migration 0007); when two services claim a name, the oldest wins.
 */
export function createServiceLookup(db: Db): ServiceLookup {
  const answers = new Map<string, Promise<MappedService | null>>();
  let asked: { kind: Kind; name: string; resolve: (s: MappedService | null) => void; reject: (e: unknown) => void }[] =
    [];

  async function load(kind: Kind, names: string[]) {
    const rows = await repo.servicesByAnnotation(db, kind, names);
    const found = new Map<string, MappedService>();
    for (const r of rows) if (!found.has(r.name)) found.set(r.name, { id: r.id, deployWorkflows: r.deployWorkflows });
    return found;
  }

  async function flush() {
    const batch = asked;
    asked = [];
    for (const kind of Object.keys(SERVICE_ANNOTATION) as Kind[]) {
      const wanted = batch.filter((a) => a.kind === kind);
      if (wanted.length === 0) continue;
      try {
        const found = await load(kind, [...new Set(wanted.map((a) => a.name))]);
        for (const a of wanted) a.resolve(found.get(a.name) ?? null);
      } catch (error) {
        for (const a of wanted) a.reject(error);
      }
    }
  }

  function find(kind: Kind, name: string) {
    const key = `${kind}\n${name}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = new Promise((resolve, reject) => {
        if (asked.length === 0) setImmediate(() => void flush());
        asked.push({ kind, name, resolve, reject });
      });
      answers.set(key, answer);
    }
    return answer;
  }

  return {
    repository: (provider, slug) => find(provider, slug.toLowerCase()),
    pagerDuty: async (serviceId) => (await find('pagerduty', serviceId))?.id ?? null,
  };
}
