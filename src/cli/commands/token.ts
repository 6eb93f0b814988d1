import type { Role } from '../../db/schema/auth.js';
import { listTokens, type IssuedToken } from '../../modules/auth/service.js';
import { issuePersonalToken, issueToken, revokeToken } from '../../modules/auth/audited-tokens.js';
import { actor } from '../../modules/audit/actor.js';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from '../../http/auth-settings.js';
import type { TokenInfo } from '../../modules/auth/contract.js';
import { ownerRefOf } from '../../modules/catalog/service.js';
import { cliActor, newDatabaseNote, whereIs, type Backend } from '../backend.js';

const ROLES: Role[] = ['admin', 'member', 'viewer'];
const SCOPES = ['events:write'];

type ErrorBody = { error: { message: string } };

function unwrap<T>(response: { status: number; body: T | ErrorBody }): T {
  const body = response.body;
  if (body && typeof body === 'object' && 'error' in body) throw new Error((body as ErrorBody).error.message);
  return body as T;
}

interface TokenArgs {
  name: string;
  /** Not with `user`: a personal token has its person's role. */
  role?: string | undefined;
  scopes: string[];
  team?: string | undefined;
  /** A personal token for this catalog User (name or email). */
  user?: string | undefined;
}

/** The flags of `token create`, checked before any database is opened. */
export function checkTokenArgs(args: TokenArgs): void {
  if (args.user) {
    if (args.role) throw new Error("--role does not go with --user: a personal token has its person's rights");
    if (args.team) throw new Error("--team does not go with --user: a personal token has its person's teams");
  } else if (!ROLES.includes(args.role as Role))
    throw new Error(`--role must be one of ${ROLES.join(', ')}, not "${args.role}"`);
  // Written directly, nothing else would refuse a scope that no route knows.
  const unknown = args.scopes.filter((s) => !SCOPES.includes(s));
  if (unknown.length) throw new Error(`--scope must be one of ${SCOPES.join(', ')}, not "${unknown.join('", "')}"`);
}

/** The id argument of `token revoke`. */
export function tokenId(arg: string | undefined): number {
  const id = Number(arg);
  if (!arg || !Number.isInteger(id) || id <= 0)
    throw new Error(`give the id of the token to revoke (see \`paved token list\`)${arg ? `, not "${arg}"` : ''}`);
  return id;
}

export async function tokenCreate(
  backend: Backend,
  args: TokenArgs,
  log: (l: string) => void,
  settings: AuthSettings = DEFAULT_AUTH_SETTINGS,
) {
  checkTokenArgs(args);
  const input = { name: args.name, role: args.role as Role, scopes: args.scopes };
  const issued = args.user
    ? backend.kind === 'direct'
      ? await issuePersonalToken(
          backend.db,
          settings,
          { user: args.user, name: args.name, scopes: args.scopes },
          actor(cliActor(), 'cli'),
        )
      : unwrap(
          await backend.request<IssuedToken>('POST', '/api/v1/tokens', {
            name: args.name,
            scopes: args.scopes,
            user: args.user,
          }),
        )
    : backend.kind === 'direct'
      ? await issueToken(
          backend.db,
          { ...input, teamRef: args.team ? ownerRefOf(args.team) : null },
          actor(cliActor(), 'cli'),
        )
      : unwrap(
          await backend.request<IssuedToken>('POST', '/api/v1/tokens', {
            ...input,
            ...(args.team ? { team: args.team } : {}),
          }),
        );
  const details = issued.person
    ? [`personal, acts as ${issued.person}`, ...issued.scopes]
    : [issued.role, ...issued.scopes, ...(args.team ? [`team ${ownerRefOf(args.team)}`] : [])];
  log(`Token ${issued.id} "${issued.name}" (${details.join(', ')}) created in ${whereIs(backend)}:`);
  log(issued.token);
  log('It is shown this once; Paved keeps only its hash.');
  for (const line of newDatabaseNote(backend)) log(line);
  return 0;
}

interface Row {
  id: number;
  name: string;
  role: string;
  team: string | null;
  person: string | null;
  scopes: string[];
  createdBy: string | null;
  revoked: boolean;
  lastUsed: string | null;
}

/** Columns as wide as their widest cell, the last one unpadded. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [header, ...rows].map((cells) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

export async function tokenList(backend: Backend, log: (l: string) => void) {
  const rows: Row[] =
    backend.kind === 'direct'
      ? (await listTokens(backend.db)).map((r) => ({
          id: r.id,
          name: r.name,
          role: r.role,
          team: r.team_ref,
          person: r.person_ref,
          scopes: r.scopes,
          createdBy: r.created_by,
          revoked: r.revoked_at !== null,
          lastUsed: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
        }))
      : unwrap(await backend.request<{ items: TokenInfo[] }>('GET', '/api/v1/tokens')).items.map((t) => ({
          id: t.id,
          name: t.name,
          role: t.role,
          team: t.team,
          person: t.person,
          scopes: t.scopes,
          createdBy: t.createdBy,
          revoked: t.revokedAt !== null,
          lastUsed: t.lastUsedAt,
        }));
  if (rows.length === 0) {
    log(`No tokens in ${whereIs(backend)}.`);
    return 0;
  }
  log(`Tokens in ${whereIs(backend)}:`);
  const service = rows.filter((r) => r.person === null);
  const personal = rows.filter((r) => r.person !== null);
  const status = (r: Row) => (r.revoked ? 'revoked' : 'active');
  const cells = service.map((r) => [
    String(r.id),
    r.name,
    r.role,
    r.team ?? '-',
    r.scopes.join(' ') || '-',
    status(r),
    r.createdBy ?? '-',
    r.lastUsed ?? 'never',
  ]);
  for (const line of table(['ID', 'NAME', 'ROLE', 'TEAM', 'SCOPES', 'STATUS', 'CREATED BY', 'LAST USED'], cells))
    log(line);
  if (personal.length > 0) {
    log('');
    log("Personal tokens (each acts as its person, with the person's rights in the catalog):");
    const own = personal.map((r) => [
      String(r.id),
      r.name,
      r.person ?? '-',
      r.scopes.join(' ') || '-',
      status(r),
      r.createdBy ?? '-',
      r.lastUsed ?? 'never',
    ]);
    for (const line of table(['ID', 'NAME', 'PERSON', 'SCOPES', 'STATUS', 'CREATED BY', 'LAST USED'], own)) log(line);
  }
  return 0;
}

export async function tokenRevoke(backend: Backend, id: number, log: (l: string) => void) {
  if (backend.kind === 'direct') {
    if (!(await revokeToken(backend.db, id, actor(cliActor(), 'cli'))))
      throw new Error(`no active token ${id} in ${whereIs(backend)}`);
  } else {
    const response = await backend.request<null | ErrorBody>('DELETE', `/api/v1/tokens/${id}`);
    if (response.status !== 204) unwrap(response);
  }
  log(`Token ${id} revoked in ${whereIs(backend)}.`);
  return 0;
}
