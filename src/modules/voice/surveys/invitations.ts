import type { Db } from '../../../db/schema/index.js';
import { AppError } from '../../../http/errors.js';
import { SECRET_KEY_SETTING } from '../../integrations/secret-box.js';
import { teamName } from './compute-results.js';
import type { Invitation } from './contract.js';
import { toCsv } from './csv.js';
import { hashToken, linkOf, tokenOf } from './links.js';
import * as repo from './repo.js';

/**
 * A wave's links, made again from each invitation's nonce. When a link's hash no longer matches (PAVED_SECRET_KEY
 * changed since the wave was made), none is handed out: they would all be broken.
 */
export async function listInvitationLinks(
  db: Db,
  secretKey: Buffer,
  waveId: number,
  base: string,
): Promise<Invitation[]> {
  const rows = await repo.listInvitations(db, waveId);
  return rows.map((row) => {
    const token = tokenOf(secretKey, row.token_nonce);
    if (hashToken(token) !== row.token_hash)
      throw new AppError(
        'CONFLICT',
        `these links were made with another ${SECRET_KEY_SETTING}: set the key they were made with, or start a new wave`,
      );
    return {
      person: row.person_ref,
      name: row.title || row.display_name || row.name,
      email: row.email,
      teams: row.teams.map(teamName),
      link: linkOf(base, token),
      answered: row.answered,
    };
  });
}

export function invitationsCsv(items: Invitation[]): string {
  return toCsv(
    ['person', 'name', 'email', 'teams', 'link', 'answered'],
    items.map((i) => [i.person, i.name, i.email, i.teams.join('; '), i.link, i.answered ? 'yes' : 'no']),
  );
}
