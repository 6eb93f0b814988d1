/**
 * Signed GitHub deliveries for the benchmark, built from GitHub's own example payloads (@octokit/webhooks-examples):
 * pushes of two commits to the default branch, each followed by a successful production deployment_status of the
 * pushed head, round-robin over the catalog's repositories, one round an hour.
 */
import { createHash, createHmac } from 'node:crypto';
import examples from '@octokit/webhooks-examples';
import { repositoryOf, serviceName, SERVICES } from './catalog.js';

export const SECRET = 'bench-webhook-secret';
export const COMMITS_PER_PUSH = 2;

export interface Delivery {
  id: string;
  event: 'push' | 'deployment_status';
  body: string;
  signature: string;
}

type Json = Record<string, any>;
const example = (name: string, index: number): Json => {
  const found = (examples as unknown as { name: string; examples: Json[] }[]).find((e) => e.name === name)?.examples[
    index
  ];
  if (!found) throw new Error(`no ${name} example ${index} in @octokit/webhooks-examples`);
  return found;
};
const PUSH = example('push', 4); // refs/heads/master of Codertocat/Hello-World, one commit
const DEPLOYMENT_STATUS = example('deployment_status', 0); // success, production

const sha = (text: string) => createHash('sha1').update(text).digest('hex');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function repository(template: Json, s: number): Json {
  return { ...template, name: serviceName(s), full_name: repositoryOf(s), default_branch: 'master' };
}

/** Delivery i: pair i / 2 goes to repository (pair mod SERVICES) in round (pair / SERVICES); even i push, odd i deploy. */
export function delivery(i: number, start: Date): Delivery {
  const pair = Math.floor(i / 2);
  const s = pair % SERVICES;
  const round = Math.floor(pair / SERVICES);
  const at = start.getTime() + round * 3_600_000 + s * 1000;
  const commits = Array.from({ length: COMMITS_PER_PUSH }, (_, k) => sha(`${s}:${round}:${k}`));
  const head = commits[commits.length - 1] as string;
  let payload: Json;
  if (i % 2 === 0) {
    const commit = PUSH.commits[0] as Json;
    const pushed = commits.map((id, k) => ({
      ...commit,
      id,
      tree_id: sha(`tree:${id}`),
      timestamp: iso(at - (COMMITS_PER_PUSH - k) * 600_000),
    }));
    payload = {
      ...PUSH,
      before: round === 0 ? '0'.repeat(40) : sha(`${s}:${round - 1}:${COMMITS_PER_PUSH - 1}`),
      after: head,
      repository: repository(PUSH.repository, s),
      commits: pushed,
      head_commit: pushed[pushed.length - 1],
    };
  } else {
    const finished = iso(at + 1_200_000);
    payload = {
      ...DEPLOYMENT_STATUS,
      deployment: {
        ...DEPLOYMENT_STATUS.deployment,
        id: 1_000_000 + pair,
        sha: head,
        environment: 'production',
        created_at: iso(at),
        updated_at: finished,
      },
      deployment_status: {
        ...DEPLOYMENT_STATUS.deployment_status,
        id: 2_000_000 + pair,
        state: 'success',
        environment: 'production',
        created_at: finished,
        updated_at: finished,
      },
      repository: repository(DEPLOYMENT_STATUS.repository, s),
    };
  }
  const body = JSON.stringify(payload);
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    event: i % 2 === 0 ? 'push' : 'deployment_status',
    body,
    signature: `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
  };
}
