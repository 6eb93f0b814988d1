import { constantTimeEqual, hmacHex } from '../constant-time.js';

/** PagerDuty v3: `X-PagerDuty-Signature: v1=<hex>,v1=<hex>`; any listed signature may match any secret. */
export function matchPagerDutySignature(
  secrets: string[],
  body: Uint8Array | string,
  header: string | undefined,
): number {
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

export const verifyPagerDutySignature = (secrets: string[], body: Uint8Array | string, header: string | undefined) =>
  matchPagerDutySignature(secrets, body, header) >= 0;
