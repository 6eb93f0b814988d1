import { isoOrNull as iso } from '../../http/openapi.js';
import type { TokenInfo } from './contract.js';
import type { listTokens } from './repo.js';

type TokenRow = Awaited<ReturnType<typeof listTokens>>[number];

/** A token as the API shows it: never its secret or hash. */
export const toTokenInfo = (r: TokenRow): TokenInfo => ({
  id: r.id,
  name: r.name,
  role: r.role,
  scopes: r.scopes,
  team: r.team_ref,
  person: r.person_ref,
  createdBy: r.created_by,
  createdAt: iso(r.created_at) ?? '',
  lastUsedAt: iso(r.last_used_at),
  revokedAt: iso(r.revoked_at),
});
