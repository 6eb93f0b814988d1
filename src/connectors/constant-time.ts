// Signature checks return the index of the secret that matched (-1: none), so a delivery records the integration
// whose secret it was.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Equal strings in time that does not depend on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The hex HMAC-SHA256 GitHub and PagerDuty sign bodies with. */
export const hmacHex = (secret: string, body: Uint8Array | string) =>
  createHmac('sha256', secret).update(body).digest('hex');
