import type { Role } from '../../db/schema/auth.js';
import { createToken, listTokens, revokeTokens, type IssuedToken } from '../../modules/auth/service.js';
import type { TokenInfo } from '../../modules/auth/contract.js';
import { ownerRefOf } from '../../modules/catalog/service.js';
import type { Backend } from '../backend.js';

const ROLES: Role[] = ['admin', 'member', 'viewer'];

type ErrorBody = { error: { message: string } };

function unwrap<T>(response: { status: number; body: T | ErrorBody }): T {
  const body = response.body;
  if (body && typeof body === 'object' && 'error' in body) throw new Error((body as ErrorBody).error.message);
  return body as T;
}

export async function tokenCreate(
  backend: Backend,
  args: { name: string; role: string; scopes: string[]; team?: string | undefined },
  log: (l: string) => void,
) {
  if (!ROLES.includes(args.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const input = { name: args.name, role: args.role as Role, scopes: args.scopes };
  const issued =
    backend.kind === 'direct'
      ? await createToken(backend.db, { ...input, teamRef: args.team ? ownerRefOf(args.team) : null, createdBy: 'cli' })
      : unwrap(
          await backend.request<IssuedToken>('POST', '/api/v1/tokens', {
            ...input,
            ...(args.team ? { team: args.team } : {}),
          }),
        );
  log(
    `Token ${issued.id} "${issued.name}" (${issued.role}${issued.scopes.length ? `, ${issued.scopes.join(' ')}` : ''}):`,
  );
  log(issued.token);
  log('It is shown this once; Paved keeps only its hash.');
  return 0;
}

export async function tokenList(backend: Backend, log: (l: string) => void) {
  const rows: { id: number; name: string; role: string; revoked: boolean; lastUsed: string | null }[] =
    backend.kind === 'direct'
      ? (await listTokens(backend.db)).map((r) => ({
          id: r.id,
          name: r.name,
          role: r.role,
          revoked: r.revoked_at !== null,
          lastUsed: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
        }))
      : unwrap(await backend.request<{ items: TokenInfo[] }>('GET', '/api/v1/tokens')).items.map((t) => ({
          id: t.id,
          name: t.name,
          role: t.role,
          revoked: t.revokedAt !== null,
          lastUsed: t.lastUsedAt,
        }));
  for (const r of rows)
    log(
      `${String(r.id).padStart(4)}  ${r.role.padEnd(6)}  ${r.revoked ? 'revoked' : 'active '}  ${r.name}${r.lastUsed ? `  (last used ${r.lastUsed})` : ''}`,
    );
  if (rows.length === 0) log('No tokens.');
  return 0;
}

export async function tokenRevoke(backend: Backend, id: number, log: (l: string) => void) {
  if (!Number.isInteger(id) || id <= 0) throw new Error('give the token id to revoke (see `paved token list`)');
  if (backend.kind === 'direct') {
    if ((await revokeTokens(backend.db, { id })) === 0) throw new Error(`no active token ${id}`);
  } else {
    const response = await backend.request<null | ErrorBody>('DELETE', `/api/v1/tokens/${id}`);
    if (response.status !== 204) unwrap(response);
  }
  log(`Token ${id} revoked.`);
  return 0;
}
