import { parseDay } from './adoption-dates.js';
import type { DemoAdoptionPlan, DemoServiceAdoption } from './adoption-plan.js';
import { createRandom } from '../shared/random.js';

/** One usage event as the events API would have received it. */
export interface DemoUsageEvent {
  /** `demo:<capability>:<service>:<week>.<n>`: the same on every run, so storing twice stores once. */
  eventId: string;
  capability: string;
  service: string;
  action: string;
  occurredAt: Date;
  count: number;
}

/** How many things one event reports: SDK starts, flag evaluations per batch, published messages per batch. */
const COUNT: Record<string, [number, number]> = { init: [1, 6], evaluate: [20, 400], publish: [5, 120] };

/**
 * A service's events from its stream's first day until the day before `plan.today`: a few a week, on
 * random days and times. Deterministic for the plan's seed, capability and service.
 */
export function expandUsageEvents(plan: DemoAdoptionPlan, adoption: DemoServiceAdoption): DemoUsageEvent[] {
  const stream = adoption.events;
  if (!stream) return [];
  const rng = createRandom(plan.seed, `events:${adoption.capability}:${adoption.service}`);
  const first = parseDay(stream.firstOn);
  const stop = parseDay(plan.today);
  const [lo, hi] = COUNT[stream.action] ?? [1, 1];
  const events: DemoUsageEvent[] = [];
  for (let week = 0; first + week * 7 < stop; week++) {
    const n = Math.max(1, stream.perWeek + rng.int(-1, 1));
    for (let k = 0; k < n; k++) {
      // The first event lands on the stream's first day; the rest anywhere in their week.
      const day = week === 0 && k === 0 ? first : first + week * 7 + rng.int(0, 6);
      const second = rng.int(0, 86_399);
      const count = rng.int(lo, hi);
      if (day >= stop) continue;
      events.push({
        eventId: `demo:${adoption.capability}:${adoption.service}:${week}.${k}`,
        capability: adoption.capability,
        service: adoption.service,
        action: stream.action,
        occurredAt: new Date((day * 86_400 + second) * 1000),
        count,
      });
    }
  }
  return events;
}
