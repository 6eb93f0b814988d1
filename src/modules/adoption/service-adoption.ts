import type { EntityRow } from '../../db/schema/entities.js';
import type { Db } from '../../db/schema/index.js';
import type { ServiceAdoptionBody } from './contract.js';
import { combine, detectionInterval, eventInterval, type UseInterval } from './intervals.js';
import * as repo from './repo.js';
import type { Evidence } from './service.js';

/**
 * The capabilities one service uses or used, with the evidence: its repository detections and usage events
 * (DOMAIN.md: a service adopts at its first signal and churns when every signal has ended). Declarations name a
 * team, not a service, so they show on the team's page.
 */
export async function serviceAdoption(db: Db, service: EntityRow, now = new Date()): Promise<ServiceAdoptionBody> {
  const [capabilities, detections, events] = await Promise.all([
    repo.listActiveCapabilities(db),
    repo.listServiceDetections(db, service.id),
    repo.listServiceEventSignals(db, service.id, now),
  ]);
  const uses: ServiceAdoptionBody['uses'] = [];
  for (const c of capabilities) {
    const intervals: UseInterval[] = [];
    const evidence: Evidence[] = [];
    for (const d of detections.filter((x) => x.capabilityId === c.id)) {
      intervals.push(detectionInterval(d.adoptedAt, d.matched ? null : d.unmatchedSince));
      for (const e of d.evidence.slice(0, 5))
        evidence.push({
          type: 'detection',
          service: service.name,
          repository: d.repository,
          file: e.file,
          line: e.line,
          text: e.text,
          commit: d.commit,
          matched: d.matched,
        });
    }
    for (const e of events.filter((x) => x.capabilityId === c.id)) {
      intervals.push(eventInterval(e.first, e.last, now));
      evidence.push({
        type: 'events',
        service: service.name,
        events: e.events,
        firstAt: e.first.toISOString(),
        lastAt: e.last.toISOString(),
      });
    }
    const use = combine(intervals.filter((i) => i.start < now));
    if (!use) continue;
    const churnedAt = use.end !== null && use.end <= now ? use.end : null;
    uses.push({
      capability: c.name,
      title: c.title,
      lifecycle: c.lifecycle,
      adoptedAt: use.start.toISOString(),
      churnedAt: churnedAt?.toISOString() ?? null,
      status: churnedAt ? 'churned' : 'active',
      evidence,
    });
  }
  return { service: service.name, uses };
}
