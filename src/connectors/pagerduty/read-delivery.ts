import { type Derived, freeText, ignored, obj, processed, text, time, webPage } from '../payload.js';
import type { ServiceLookup } from '../service-lookup.js';

/**
 * PagerDuty v3: incident.triggered/acknowledged/resolved/reopened. Events may arrive out of order, so the trigger
 * time comes from the incident's `created_at`, and only resolved/reopened touch the resolve time. Without
 * `created_at`, only a trigger event's own time is the trigger time; any other event's time is merely the latest the
 * trigger can have been, so the incident is marked as not knowing it.
 */
export async function derivePagerDuty(services: ServiceLookup, payload: unknown): Promise<Derived> {
  const event = obj(obj(payload, 'payload').event, 'event');
  const type = text(event.event_type, 'event.event_type');
  if (!['incident.triggered', 'incident.acknowledged', 'incident.resolved', 'incident.reopened'].includes(type))
    return ignored(`Paved does not read ${type} events`);
  const data = obj(event.data, 'event.data');
  const service = obj(data.service, 'event.data.service');
  const pagerdutyService = text(service.id, 'event.data.service.id');
  const priority =
    data.priority && typeof data.priority === 'object' ? (data.priority as { summary?: unknown }).summary : undefined;
  const triggerTimeKnown = data.created_at !== undefined && data.created_at !== null;
  const triggeredAt = triggerTimeKnown
    ? time(data.created_at, 'event.data.created_at')
    : time(event.occurred_at, 'event.occurred_at');
  return processed({
    kind: 'incident',
    source: 'pagerduty',
    externalId: text(data.id, 'event.data.id'),
    serviceId: await services.pagerDuty(pagerdutyService),
    externalService: pagerdutyService,
    title: freeText(data.title),
    severity: freeText(priority, 100) ?? freeText(data.urgency, 100),
    triggeredAt,
    triggerTimeKnown: triggerTimeKnown || type === 'incident.triggered',
    resolvedAt:
      type === 'incident.resolved'
        ? time(event.occurred_at, 'event.occurred_at')
        : type === 'incident.reopened'
          ? null
          : undefined,
    ...webPage(data.html_url),
  });
}
