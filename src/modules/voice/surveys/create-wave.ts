import type { Kysely } from 'kysely';
import type { Database, Db } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../http/errors.js';
import type { Principal } from '../../../http/router.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import { formatEntityRef, parseEntityRef } from '../../catalog/entity-ref.js';
import type { createWaveBody } from './contract.js';
import { hashToken, newNonce, tokenOf } from './links.js';
import * as repo from './repo.js';
import type { z } from '@hono/zod-openapi';

const invalid = (field: string, reason: string) =>
  new AppError('VALIDATION_FAILED', `${field}: ${reason}`, [{ field, reason }]);

/** Names (`payments`, `group:default/payments`) → active entities of the kind, each named field refused by itself. */
async function resolve(db: Db, field: string, kind: 'Group' | 'Capability', names: string[]) {
  const refs = names.map((name, i) => {
    const ref = parseEntityRef(name, { defaultKind: kind.toLowerCase(), defaultNamespace: 'default' });
    if (typeof ref === 'string') throw invalid(`${field}[${i}]`, ref);
    return formatEntityRef(ref);
  });
  const found = new Map((await repo.activeByRefs(db, kind, [...new Set(refs)])).map((e) => [e.ref, e]));
  const what = kind === 'Group' ? 'team' : 'capability';
  return refs.map((ref, i) => {
    const entity = found.get(ref);
    if (!entity) throw invalid(`${field}[${i}]`, `no ${what} "${names[i]}" in the catalog`);
    return entity;
  });
}

/**
 * A wave and one invitation for every person of its teams (every customer team when none are named), each with its
 * own link token; the wave, its invitations and its audit entry are written together or not at all.
 */
export async function createWave(
  db: Kysely<Database>,
  secretKey: Buffer,
  principal: Principal,
  input: z.infer<typeof createWaveBody>,
): Promise<number> {
  if (input.closesAt && new Date(input.closesAt) <= new Date()) throw invalid('closesAt', 'must be in the future');
  const teamRefs = input.teams
    ? [...new Set((await resolve(db, 'teams', 'Group', input.teams)).map((t) => t.ref))]
    : await repo.customerTeamRefs(db);
  const capabilities = [
    ...new Map((await resolve(db, 'capabilities', 'Capability', input.capabilities)).map((c) => [c.id, c])).values(),
  ];
  const people = await repo.peopleOfTeams(db, teamRefs);
  if (people.length === 0)
    throw invalid(
      'teams',
      input.teams
        ? 'no person in the catalog belongs to these teams'
        : 'no person in the catalog belongs to a customer team',
    );

  return inTransaction(db, async (tx) => {
    const waveId = await repo.insertWave(tx, {
      title: input.title,
      teams: teamRefs,
      allTeams: !input.teams,
      closesAt: input.closesAt ? new Date(input.closesAt) : null,
      createdBy: principal.name,
    });
    await repo.insertWaveCapabilities(
      tx,
      waveId,
      capabilities.map((c) => c.id),
    );
    await repo.insertInvitations(
      tx,
      waveId,
      people.map((p) => {
        const nonce = newNonce();
        return { personRef: p.ref, teams: p.teams, nonce, hash: hashToken(tokenOf(secretKey, nonce)) };
      }),
    );
    await recordAudit(tx, principal, {
      action: 'create',
      entity: { kind: 'survey', id: waveId, ref: null },
      summary: `Created survey "${input.title}" for ${people.length} people in ${teamRefs.length} teams`,
      changes: diffFields(null, {
        title: input.title,
        teams: input.teams ? teamRefs : 'every customer team',
        capabilities: capabilities.map((c) => c.ref),
        closesAt: input.closesAt ?? null,
        invited: people.length,
      }),
    });
    return waveId;
  });
}
