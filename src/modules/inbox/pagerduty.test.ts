import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { componentDoc, documents, groupDoc } from '../../../test/descriptors.js';
import { createRegistry } from '../../jobs/registry.js';
import { JobRunner } from '../../jobs/runner.js';
import { silentLogger } from '../../http/logger.js';
import { runImport } from '../imports/run-import.js';
import { deriveDeliveryJob } from './derive-job.js';

const SECRET = 'pd-secret';
let t: TestApp;

/** A PagerDuty webhooks v3 payload, shaped as in PagerDuty's documentation. */
function pdEvent(
  eventId: string,
  type: string,
  occurredAt: string,
  incident: { id: string; createdAt?: string; status: string },
) {
  return {
    event: {
      id: eventId,
      event_type: type,
      resource_type: 'incident',
      occurred_at: occurredAt,
      agent: {
        html_url: 'https://acme.pagerduty.com/users/PLH1HKV',
        id: 'PLH1HKV',
        self: 'https://api.pagerduty.com/users/PLH1HKV',
        summary: 'Tenex Engineer',
        type: 'user_reference',
      },
      client: null,
      data: {
        id: incident.id,
        type: 'incident',
        self: `https://api.pagerduty.com/incidents/${incident.id}`,
        html_url: `https://acme.pagerduty.com/incidents/${incident.id}`,
        number: 2,
        status: incident.status,
        incident_key: 'd3640fbd41094207a1c11e58e46b1662',
        // Captured payloads do not always carry the incident's created_at.
        ...(incident.createdAt === undefined ? {} : { created_at: incident.createdAt }),
        title: 'A little bump in the road',
        service: {
          html_url: 'https://acme.pagerduty.com/services/PF9KMXH',
          id: 'PF9KMXH',
          self: 'https://api.pagerduty.com/services/PF9KMXH',
          summary: 'API Service',
          type: 'service_reference',
        },
        assignees: [],
        escalation_policy: { id: 'PKNDVHS', summary: 'Default', type: 'escalation_policy_reference' },
        teams: [],
        priority: { id: 'PSO75BM', summary: 'P1', type: 'priority_reference' },
        urgency: 'high',
        resolve_reason: null,
      },
    },
  };
}

async function deliver(payload: unknown, secrets = ['rotated-out', SECRET]) {
  const body = JSON.stringify(payload);
  const signatures = secrets.map((s) => `v1=${createHmac('sha256', s).update(body).digest('hex')}`).join(',');
  const res = await t.app.request('/webhooks/pagerduty', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pagerduty-signature': signatures },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}
const drain = () =>
  new JobRunner(t.database.db, createRegistry([deriveDeliveryJob(t.database.db)]), silentLogger).drain();

beforeAll(async () => {
  t = await createTestApp({ webhookSecrets: { pagerduty: [SECRET] } });
  const catalog = documents(
    groupDoc('core'),
    componentDoc('api', 'core', { annotations: { 'pagerduty.com/service-id': 'PF9KMXH' } }),
  );
  await runImport(t.database.db, {
    files: [{ path: 'c.yaml', content: catalog }],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
  await t.call('POST', '/api/v1/deployments', {
    body: [{ id: 'rel-1', service: 'api', finishedAt: '2020-04-09T15:00:00Z' }],
  });
});
afterAll(() => t.close());

describe('POST /webhooks/pagerduty', () => {
  it('turns triggered and resolved events into an incident, counting a redelivery once', async () => {
    const incident = { id: 'PGR0VU2', createdAt: '2020-04-09T15:16:27Z', status: 'triggered' };
    const triggered = pdEvent('01BZ-TRIG', 'incident.triggered', '2020-04-09T15:16:28.169Z', incident);
    expect(await deliver(triggered)).toEqual({ status: 202, body: { status: 'accepted', deliveryId: '01BZ-TRIG' } });
    expect((await deliver(triggered)).body.status).toBe('duplicate');
    expect(
      (
        await deliver(
          pdEvent('01BZ-ACK', 'incident.acknowledged', '2020-04-09T15:20:00Z', { ...incident, status: 'acknowledged' }),
        )
      ).status,
    ).toBe(202);
    expect(
      (
        await deliver(
          pdEvent('01BZ-RES', 'incident.resolved', '2020-04-09T16:16:27Z', { ...incident, status: 'resolved' }),
        )
      ).status,
    ).toBe(202);
    // A second incident whose resolved event arrives before its triggered event.
    const late = { id: 'PLATE01', createdAt: '2020-04-09T18:00:00Z', status: 'resolved' };
    await deliver(pdEvent('01BZ-LRES', 'incident.resolved', '2020-04-09T20:00:00Z', late));
    await deliver(
      pdEvent('01BZ-LTRIG', 'incident.triggered', '2020-04-09T18:00:01Z', { ...late, status: 'triggered' }),
    );
    expect(await drain()).toBe(1); // one job derives every pending delivery

    const rows = await t.database.db
      .selectFrom('incidents')
      .select(['external_id', 'severity', 'triggered_at', 'resolved_at'])
      .orderBy('external_id')
      .execute();
    expect(
      rows.map((r) => [
        r.external_id,
        r.severity,
        new Date(r.triggered_at).toISOString(),
        r.resolved_at && new Date(r.resolved_at).toISOString(),
      ]),
    ).toEqual([
      ['PGR0VU2', 'P1', '2020-04-09T15:16:27.000Z', '2020-04-09T16:16:27.000Z'],
      ['PLATE01', 'P1', '2020-04-09T18:00:00.000Z', '2020-04-09T20:00:00.000Z'],
    ]);
    // Both follow deployment rel-1 (15:00) within 7 days: it failed; recovery 15:16:27 → 20:00:00 = 4 h 43 min 33 s.
    // MTTR: 1 h and 2 h → 1.5 h.
    const dora = await t.call(
      'GET',
      '/api/v1/dora?scope=service:api&from=2020-04-09T00:00:00Z&to=2020-04-10T00:00:00Z',
    );
    expect(dora.body).toMatchObject({
      changeFailRate: { value: 1, failed: 1, total: 1 },
      failedDeploymentRecoveryTime: { medianHours: (4 * 3600 + 43 * 60 + 33) / 3600, n: 1 },
      incidentRecoveryTime: { medianHours: 1.5, n: 2, unresolved: 0 },
    });
    // Each opens at PagerDuty (the event's html_url), newest first.
    const list = await t.call(
      'GET',
      '/api/v1/incidents?scope=service:api&from=2020-04-09T00:00:00Z&to=2020-04-10T00:00:00Z',
    );
    expect(list.body.items.map((i: { externalId: string; url: string | null }) => [i.externalId, i.url])).toEqual([
      ['PLATE01', 'https://acme.pagerduty.com/incidents/PLATE01'],
      ['PGR0VU2', 'https://acme.pagerduty.com/incidents/PGR0VU2'],
    ]);
  });

  it('counts an incident whose trigger time no event gave in no recovery time, until a trigger or a backfill gives it', async () => {
    const may1 = 'scope=service:api&from=2020-05-01T00:00:00Z&to=2020-05-02T00:00:00Z';
    await t.call('POST', '/api/v1/deployments', {
      body: [{ id: 'rel-2', service: 'api', finishedAt: '2020-05-01T09:00:00Z' }],
    });
    // No created_at, and the resolve (12:00) comes before the acknowledge (11:00): neither is the trigger time.
    await deliver(
      pdEvent('NC-1-RES', 'incident.resolved', '2020-05-01T12:00:00Z', { id: 'PNOCRE1', status: 'resolved' }),
    );
    await deliver(
      pdEvent('NC-1-ACK', 'incident.acknowledged', '2020-05-01T11:00:00Z', { id: 'PNOCRE1', status: 'acknowledged' }),
    );
    await deliver(
      pdEvent('NC-2-RES', 'incident.resolved', '2020-05-01T15:00:00Z', { id: 'PNOCRE2', status: 'resolved' }),
    );
    await drain();
    const stored = async () =>
      (
        await t.database.db
          .selectFrom('incidents')
          .select(['external_id', 'triggered_at', 'trigger_time_known', 'external_service'])
          .where('external_id', 'in', ['PNOCRE1', 'PNOCRE2'])
          .orderBy('external_id')
          .execute()
      ).map((r) => [r.external_id, new Date(r.triggered_at).toISOString(), r.trigger_time_known, r.external_service]);
    // The earliest event time stands in (it was triggered no later), marked as not known.
    expect(await stored()).toEqual([
      ['PNOCRE1', '2020-05-01T11:00:00.000Z', false, 'PF9KMXH'],
      ['PNOCRE2', '2020-05-01T15:00:00.000Z', false, 'PF9KMXH'],
    ]);
    // Both are attributed to rel-2 (09:00), which failed, but no recovery time is made up: not 0 h, not counted.
    expect((await t.call('GET', `/api/v1/dora?${may1}`)).body).toMatchObject({
      changeFailRate: { value: 1, failed: 1, total: 1 },
      failedDeploymentRecoveryTime: { medianHours: null, n: 0 },
      incidentRecoveryTime: { medianHours: null, n: 0, unresolved: 0 },
    });
    const listed = async () =>
      (await t.call('GET', `/api/v1/incidents?${may1}`)).body.items.map(
        (i: { externalId: string; triggeredAt: string; triggerTimeKnown: boolean; recoveryHours: number | null }) => [
          i.externalId,
          i.triggeredAt,
          i.triggerTimeKnown,
          i.recoveryHours,
        ],
      );
    expect(await listed()).toEqual([
      ['PNOCRE2', '2020-05-01T15:00:00.000Z', false, null],
      ['PNOCRE1', '2020-05-01T11:00:00.000Z', false, null],
    ]);

    // The trigger event, late and still without created_at, is itself the trigger time: 10:30 → 12:00 = 1.5 h.
    await deliver(
      pdEvent('NC-1-TRIG', 'incident.triggered', '2020-05-01T10:30:00Z', { id: 'PNOCRE1', status: 'triggered' }),
    );
    // A later acknowledge without created_at does not move a known time.
    await deliver(
      pdEvent('NC-1-ACK2', 'incident.acknowledged', '2020-05-01T10:45:00Z', { id: 'PNOCRE1', status: 'acknowledged' }),
    );
    await drain();
    expect((await t.call('GET', `/api/v1/dora?${may1}`)).body).toMatchObject({
      failedDeploymentRecoveryTime: { medianHours: null, n: 0 }, // PNOCRE2's trigger is still unknown
      incidentRecoveryTime: { medianHours: 1.5, n: 1, unresolved: 0 },
    });

    // A backfill naming PagerDuty's incident gives PNOCRE2's trigger time (14:00 → 15:00 = 1 h), adding nothing.
    const bad = await t.call('POST', '/api/v1/incidents', {
      body: [{ id: 'PNOCRE2', source: 'jira', service: 'api', triggeredAt: '2020-05-01T14:00:00Z' }],
    });
    expect(bad.body.rejected).toEqual([{ index: 0, error: 'source: must be one of api, pagerduty, github, gitlab' }]);
    const backfill = await t.call('POST', '/api/v1/incidents', {
      body: [
        {
          id: 'PNOCRE2',
          source: 'pagerduty',
          service: 'api',
          triggeredAt: '2020-05-01T14:00:00Z',
          resolvedAt: '2020-05-01T15:00:00Z',
        },
      ],
    });
    expect(backfill.body).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: [] });
    expect(await stored()).toEqual([
      ['PNOCRE1', '2020-05-01T10:30:00.000Z', true, 'PF9KMXH'],
      ['PNOCRE2', '2020-05-01T14:00:00.000Z', true, 'PF9KMXH'],
    ]);
    // MTTR: 1.5 h and 1 h → 1.25 h; rel-2 recovered from 10:30 to 15:00 = 4.5 h.
    expect((await t.call('GET', `/api/v1/dora?${may1}`)).body).toMatchObject({
      failedDeploymentRecoveryTime: { medianHours: 4.5, n: 1 },
      incidentRecoveryTime: { medianHours: 1.25, n: 2, unresolved: 0 },
    });
    expect(await listed()).toEqual([
      ['PNOCRE2', '2020-05-01T14:00:00.000Z', true, 1],
      ['PNOCRE1', '2020-05-01T10:30:00.000Z', true, 1.5],
    ]);
  });

  it('refuses signatures that do not match and stores nothing', async () => {
    const before = (await t.database.db.selectFrom('deliveries').select('id').execute()).length;
    const res = await deliver(
      pdEvent('01BZ-X', 'incident.triggered', '2020-04-09T15:16:28Z', {
        id: 'PX',
        createdAt: '2020-04-09T15:16:27Z',
        status: 'triggered',
      }),
      ['wrong'],
    );
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_SIGNATURE');
    expect((await t.database.db.selectFrom('deliveries').select('id').execute()).length).toBe(before);
  });
});

describe('PagerDuty event ids', () => {
  const stored = async (prefix: string) =>
    (
      await t.database.db
        .selectFrom('deliveries')
        .select('delivery_id')
        .where('source', '=', 'pagerduty')
        .where('delivery_id', 'like', `${prefix}%`)
        .orderBy('delivery_id')
        .execute()
    ).map((r) => r.delivery_id);

  it('refuses a NUL in event.id with 400 naming it, while the deliveries stored with it get 202', async () => {
    const event = (id: string) =>
      pdEvent(id, 'incident.triggered', '2024-06-01T10:00:00Z', { id: 'QNUL', status: 'triggered' });
    const answers = await Promise.all([
      deliver(event('nul-a')),
      deliver(event('nul-\u0000-b')),
      deliver(event('nul-c')),
    ]);
    expect(answers.map((a) => a.status)).toEqual([202, 400, 202]);
    expect(answers[1]?.body).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'event.id: must be 1 to 200 printable characters',
        details: [{ field: 'event.id', reason: 'must be 1 to 200 printable characters' }],
      },
    });
    expect(await stored('nul-')).toEqual(['nul-a', 'nul-c']);
  });
});
