import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutated, nastyJson, PROPERTY_RUNS } from '../../test/arbitraries.js';
import type { Fact } from './facts.js';
import { deriveGithub } from './github/read-delivery.js';
import { deriveGitlab } from './gitlab/read-delivery.js';
import { UnusablePayload, type Derived } from './payload.js';
import { derivePagerDuty } from './pagerduty/read-delivery.js';
import type { ServiceLookup } from './service-lookup.js';

// The webhook readers take whatever a sender (or anyone holding its secret) posts. Whatever it is, a reader
// either derives facts the database can store or says the payload is unusable; it never throws anything else.

const services: ServiceLookup = {
  repository: async () => ({ id: 1, deployWorkflows: null }),
  pagerDuty: async () => 1,
};

const SHA = '0123456789abcdef0123456789abcdef01234567';
const AT = '2025-03-01T12:00:00Z';
const repository = { full_name: 'acme/api', default_branch: 'main' };
const project = { path_with_namespace: 'acme/api', default_branch: 'main' };
const labels = [{ name: 'incident' }, { name: 'sev1' }, { name: 'cause: db' }];

const GITHUB: [string, unknown][] = [
  ['push', { ref: 'refs/heads/main', repository, commits: [{ id: SHA, timestamp: AT }] }],
  [
    'deployment_status',
    {
      repository,
      deployment: { id: 7, sha: SHA, environment: 'production' },
      deployment_status: { state: 'success', updated_at: AT },
      workflow_run: { id: 9 },
    },
  ],
  [
    'workflow_run',
    {
      action: 'completed',
      repository,
      workflow_run: {
        id: 9,
        name: 'deploy',
        conclusion: 'success',
        head_branch: 'main',
        head_sha: SHA,
        updated_at: AT,
      },
    },
  ],
  [
    'issues',
    {
      action: 'closed',
      repository,
      issue: {
        id: 3,
        number: 1,
        title: 'Down',
        labels,
        state: 'closed',
        created_at: AT,
        closed_at: AT,
        html_url: 'https://github.com/acme/api/issues/1',
      },
    },
  ],
];

const GITLAB: [string, unknown][] = [
  [
    'Deployment Hook',
    {
      status: 'success',
      environment: 'production',
      project,
      deployment_id: 5,
      short_sha: SHA.slice(0, 8),
      commit_url: `https://gitlab.com/acme/api/-/commit/${SHA}`,
      status_changed_at: '2025-03-01 12:00:00 UTC',
    },
  ],
  [
    'Pipeline Hook',
    { project, object_attributes: { ref: 'main', tag: false, source: 'push' }, commit: { id: SHA, timestamp: AT } },
  ],
  ['Push Hook', { project, ref: 'refs/heads/main', commits: [{ id: SHA, timestamp: AT }] }],
  [
    'Issue Hook',
    {
      project,
      labels: [{ title: 'incident' }, { title: 'cause: db' }],
      object_attributes: {
        id: 4,
        iid: 1,
        type: 'incident',
        title: 'Down',
        action: 'close',
        state: 'closed',
        created_at: AT,
        closed_at: AT,
        severity: 'high',
        url: 'https://gitlab.com/acme/api/-/issues/1',
      },
    },
  ],
];

const PAGERDUTY = {
  event: {
    id: 'E1',
    event_type: 'incident.resolved',
    occurred_at: AT,
    data: {
      id: 'P1',
      created_at: AT,
      title: 'Down',
      service: { id: 'S1' },
      priority: { summary: 'P1' },
      urgency: 'high',
      html_url: 'https://acme.pagerduty.com/incidents/P1',
    },
  },
};

/** Every string the fact holds, with where it is. */
function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

/** What the fact tables need: no NUL, ids and names short enough for their unique indexes, real times. */
function expectStorable(fact: Fact): void {
  for (const [field, text] of strings(fact, fact.kind)) {
    expect(text.includes('\u0000'), `${field} holds NUL`).toBe(false);
    const indexed = /\.(externalId|repository|externalService|commit|source|environment)$/.test(field);
    expect(text.length, `${field} is ${text.length} characters`).toBeLessThanOrEqual(indexed ? 500 : 2000);
  }
  for (const [key, value] of Object.entries(fact)) {
    if (!(value instanceof Date)) continue;
    const year = value.getUTCFullYear();
    expect(year >= 1900 && year <= 9999, `${key} is in year ${year}`).toBe(true);
  }
}

async function expectReadable(derive: () => Promise<Derived>): Promise<void> {
  let derived: Derived;
  try {
    derived = await derive();
  } catch (error) {
    // The one failure a reader may report: the payload lacks what it needs, said in words.
    expect(error).toBeInstanceOf(UnusablePayload);
    expect((error as Error).message).toMatch(/\S/);
    return;
  }
  if (derived.status === 'ignored') expect(typeof derived.reason).toBe('string');
  else derived.facts.forEach(expectStorable);
}

/** Every path to a string in `value`. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

function withValue(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1) as string | number] = replacement;
  return copy;
}

/** The values generation finds rarely but the probe found: NUL, a long id, a time in year 0000. */
const HOSTILE = ['a\u0000b', 'x'.repeat(3000), '0000-01-01T00:00:00Z'];

describe('webhook payload readers, with generated payloads', () => {
  it('read every string field of the valid payloads set to NUL, 3,000 characters or year 0000', async () => {
    const all: (readonly [(p: unknown) => Promise<Derived>, unknown])[] = [
      ...GITHUB.map(([event, payload]) => [(p: unknown) => deriveGithub(services, event, p), payload] as const),
      ...GITLAB.map(([event, payload]) => [(p: unknown) => deriveGitlab(services, event, p), payload] as const),
      [(p: unknown) => derivePagerDuty(services, p), PAGERDUTY] as const,
    ];
    for (const [derive, payload] of all)
      for (const path of stringPaths(payload))
        for (const hostile of HOSTILE) await expectReadable(() => derive(withValue(payload, path, hostile)));
  });

  it('read the valid bases into facts', async () => {
    for (const [event, payload] of GITHUB)
      expect((await deriveGithub(services, event, payload)).status).toBe('processed');
    for (const [event, payload] of GITLAB)
      expect((await deriveGitlab(services, event, payload)).status).toBe('processed');
    expect((await derivePagerDuty(services, PAGERDUTY)).status).toBe('processed');
  });

  it('GitHub: any payload gives storable facts or UnusablePayload', async () => {
    const cases = fc.oneof(
      ...GITHUB.map(([event, payload]) => fc.tuple(fc.constant(event), mutated(payload))),
      fc.tuple(fc.constantFrom(...GITHUB.map(([e]) => e)), nastyJson),
    );
    await fc.assert(
      fc.asyncProperty(cases, ([event, payload]) => expectReadable(() => deriveGithub(services, event, payload))),
      PROPERTY_RUNS,
    );
  });

  it('GitLab: any payload gives storable facts or UnusablePayload', async () => {
    const cases = fc.oneof(
      ...GITLAB.map(([event, payload]) => fc.tuple(fc.constant(event), mutated(payload))),
      fc.tuple(fc.constantFrom(...GITLAB.map(([e]) => e)), nastyJson),
    );
    await fc.assert(
      fc.asyncProperty(cases, ([event, payload]) => expectReadable(() => deriveGitlab(services, event, payload))),
      PROPERTY_RUNS,
    );
  });

  it('PagerDuty: any payload gives storable facts or UnusablePayload', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(PAGERDUTY), nastyJson), (payload) =>
        expectReadable(() => derivePagerDuty(services, payload)),
      ),
      PROPERTY_RUNS,
    );
  });
});
