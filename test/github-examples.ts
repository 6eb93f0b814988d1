import examples from '@octokit/webhooks-examples';

type Payload = Record<string, any>;

/**
 * A fresh copy of one of GitHub's own example payloads (@octokit/webhooks-examples) of `event`: the `which`-th,
 * or the first `which` picks.
 */
export function githubExample(event: string, which: number | ((payload: Payload) => boolean)): Payload {
  const list =
    (examples as unknown as { name: string; examples: Payload[] }[]).find((e) => e.name === event)?.examples ?? [];
  const found = typeof which === 'number' ? list[which] : list.find(which);
  if (!found) throw new Error(`no such ${event} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}
