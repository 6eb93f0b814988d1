import type { EntityRow } from '../../../db/schema/entities.js';
import type { Db } from '../../../db/schema/index.js';
import { assertAdministers } from '../../../http/access.js';
import { AppError, forbidden } from '../../../http/errors.js';
import type { Principal } from '../../../http/router.js';
import { formatEntityRef, parseEntityRef } from '../../catalog/entity-ref.js';
import { findEntitiesByRefs } from '../../catalog/repo.js';
import { listPlatformTeams } from '../summary/repo.js';

const invalid = (field: string, reason: string) =>
  new AppError('VALIDATION_FAILED', `${field}: ${reason}`, [{ field, reason }]);

/** The active team a name or ref names, or a 400 naming `field`. */
export async function findTeam(db: Db, text: string, field: string): Promise<EntityRow> {
  const parsed = parseEntityRef(text, { defaultKind: 'group', defaultNamespace: 'default' });
  if (typeof parsed === 'string') throw invalid(field, parsed);
  const ref = formatEntityRef(parsed);
  const [row] = ref.startsWith('group:') ? await findEntitiesByRefs(db, [ref]) : [];
  if (!row || row.status !== 'active') throw invalid(field, `${ref} is not a team in the catalog`);
  return row;
}

/**
 * The platform team a conversation or engagement is credited to. Named: the writer must be one of its members (or
 * an organisation admin). Not named: the writer's own platform team; one in several must be named; an organisation
 * admin in none credits none (the conversation counts for the organisation only).
 */
export async function creditedPlatformTeam(
  db: Db,
  principal: Principal,
  named: string | null | undefined,
): Promise<EntityRow | null> {
  const platformTeams = await listPlatformTeams(db);
  if (named) {
    const team = await findTeam(db, named, 'platformTeam');
    if (!platformTeams.some((p) => p.id === team.id))
      throw invalid('platformTeam', `${team.name} owns no capability: it is not a platform team`);
    assertAdministers(principal, team.ref);
    return team;
  }
  const mine = platformTeams.filter((p) => principal.teams.includes(p.ref));
  if (mine.length > 1)
    throw invalid(
      'platformTeam',
      `you are in several platform teams (${mine.map((p) => p.name).join(', ')}): name one`,
    );
  const [only] = mine;
  if (only) return (await findEntitiesByRefs(db, [only.ref]))[0] ?? null;
  if (principal.orgAdmin) return null;
  throw forbidden('conversations and engagements are written by members of a platform team');
}
