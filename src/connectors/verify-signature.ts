import { createHmac, timingSafeEqual } from 'node:crypto';

/** Equal strings in time that does not depend on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const hmacHex = (secret: string, body: Uint8Array | string) => createHmac('sha256', secret).update(body).digest('hex');

// Each check answers which of several secrets matched (-1: none), so a delivery records the integration it came from.

/** GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`. Any of several secrets may match (rotation). */
export function matchGithubSignature(secrets: string[], body: Uint8Array | string, header: string | undefined): number {
  if (!header?.startsWith('sha256=')) return -1;
  const given = header.slice('sha256='.length).toLowerCase();
  return secrets.findIndex((secret) => constantTimeEqual(given, hmacHex(secret, body)));
}

/** PagerDuty v3: `X-PagerDuty-Signature: v1=<hex>,v1=<hex>`; any listed signature may match any secret. */
export function matchPagerDutySignature(secrets: string[], body: Uint8Array | string, header: string | undefined): number {
  if (!header) return -1;
  const given = header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice(3).toLowerCase());
  return secrets.findIndex((secret) => {
    const expected = hmacHex(secret, body);
    return given.some((signature) => constantTimeEqual(signature, expected));
  });
}

/** GitLab sends the configured secret token itself in `X-Gitlab-Token`. */
export function matchGitlabToken(tokens: string[], header: string | undefined): number {
  if (!header) return -1;
  return tokens.findIndex((token) => constantTimeEqual(header, token));
}

export const verifyGithubSignature = (secrets: string[], body: Uint8Array | string, header: string | undefined) => matchGithubSignature(secrets, body, header) >= 0;
export const verifyPagerDutySignature = (secrets: string[], body: Uint8Array | string, header: string | undefined) => matchPagerDutySignature(secrets, body, header) >= 0;
export const verifyGitlabToken = (tokens: string[], header: string | undefined) => matchGitlabToken(tokens, header) >= 0;
