import { constantTimeEqual, hmacHex } from '../constant-time.js';

/** GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`. Any of several secrets may match (rotation). */
export function matchGithubSignature(secrets: string[], body: Uint8Array | string, header: string | undefined): number {
  if (!header?.startsWith('sha256=')) return -1;
  const given = header.slice('sha256='.length).toLowerCase();
  return secrets.findIndex((secret) => constantTimeEqual(given, hmacHex(secret, body)));
}

export const verifyGithubSignature = (secrets: string[], body: Uint8Array | string, header: string | undefined) =>
  matchGithubSignature(secrets, body, header) >= 0;
