import type { MandateRow } from '../../db/schema/adoption.js';
import type { EntityRow } from '../../db/schema/entities.js';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../../db/schema/index.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor } from '../audit/actor.js';
import { diffFields, recordAudit } from '../audit/service.js';
import { AppError, notFound } from '../../http/errors.js';
import { validationError } from '../../http/router.js';
import { ownerRefOf } from '../catalog/service.js';
import { existingActiveRefs } from '../catalog/repo.js';
import type { Mandate } from './contract.js';
import * as repo from './repo.js';

export function toMandate(row: MandateRow, capability: string): Mandate {
  return {
    id: row.id,
    capability,
    scope: row.scope === 'all' ? 'all' : { teams: row.team_refs },
    effectiveFrom: new Date(row.effective_from).toISOString(),
    deadline: row.deadline ? new Date(row.deadline).toISOString() : null,
    note: row.note,
    createdBy: row.created_by,
  };
}

/** Team names or refs → stored refs; every team must be in the catalog. */
async function teamRefs(
  db: Db,
  scope: 'all' | { teams: string[] },
): Promise<{ scope: 'all' | 'teams'; refs: string[] }> {
  if (scope === 'all') return { scope: 'all', refs: [] };
  const refs = [...new Set(scope.teams.map(ownerRefOf))];
  const found = await existingActiveRefs(db, refs);
  const missing = refs.filter((r) => !found.has(r));
  if (missing.length)
    throw validationError(missing.map((r) => ({ field: 'scope.teams', reason: `${r} is not a team in the catalog` })));
  return { scope: 'teams', refs };
}

function checkDates(from: Date, deadline: Date | null | undefined) {
  if (deadline && deadline < from)
    throw validationError([{ field: 'deadline', reason: 'must not be before effectiveFrom' }]);
}

/** A mandate as the audit trail shows it: the API's fields, without the id and capability it is filed under. */
function auditState(m: Mandate): Record<string, unknown> {
  return { scope: m.scope, effectiveFrom: m.effectiveFrom, deadline: m.deadline, note: m.note };
}

const entityOf = (capability: EntityRow, id: number) => ({ kind: 'mandate', id, ref: capability.ref });

export async function createMandate(
  db: Kysely<Database>,
  capability: EntityRow,
  body: {
    scope: 'all' | { teams: string[] };
    effectiveFrom: Date;
    deadline?: Date | undefined;
    note?: string | undefined;
  },
  actor: Actor,
) {
  checkDates(body.effectiveFrom, body.deadline);
  const { scope, refs } = await teamRefs(db, body.scope);
  return inTransaction(db, async (tx) => {
    const row = await repo.insertMandate(tx, {
      capabilityId: capability.id,
      scope,
      teamRefs: refs,
      effectiveFrom: body.effectiveFrom,
      deadline: body.deadline ?? null,
      note: body.note ?? null,
      createdBy: actor.name,
    });
    const mandate = toMandate(row, capability.name);
    await recordAudit(tx, actor, {
      action: 'create',
      entity: entityOf(capability, row.id),
      summary: `Mandated ${capability.name} for ${scope === 'all' ? 'all customer teams' : refs.join(', ')} from ${mandate.effectiveFrom.slice(0, 10)}`,
      changes: diffFields(null, auditState(mandate)),
    });
    return mandate;
  });
}

export async function changeMandate(
  db: Kysely<Database>,
  capability: EntityRow,
  id: number,
  body: {
    scope?: 'all' | { teams: string[] } | undefined;
    effectiveFrom?: Date | undefined;
    deadline?: Date | null | undefined;
    note?: string | null | undefined;
  },
  actor: Actor,
) {
  const current = (await repo.listMandates(db, capability.id)).find((m) => m.id === id);
  if (!current) throw notFound(`mandate ${id} of ${capability.name}`);
  checkDates(
    body.effectiveFrom ?? new Date(current.effective_from),
    body.deadline === undefined ? (current.deadline ? new Date(current.deadline) : null) : body.deadline,
  );
  const scope = body.scope ? await teamRefs(db, body.scope) : null;
  return inTransaction(db, async (tx) => {
    const row = await repo.updateMandate(tx, id, capability.id, {
      ...(scope ? { scope: scope.scope, teamRefs: scope.refs } : {}),
      effectiveFrom: body.effectiveFrom,
      deadline: body.deadline,
      note: body.note,
    });
    if (!row) throw new AppError('NOT_FOUND', `mandate ${id} of ${capability.name} not found`);
    const mandate = toMandate(row, capability.name);
    const changes = diffFields(auditState(toMandate(current, capability.name)), auditState(mandate));
    await recordAudit(tx, actor, {
      action: 'update',
      entity: entityOf(capability, id),
      summary: `Changed mandate ${id} of ${capability.name}: ${Object.keys(changes).join(', ') || 'nothing'}`,
      changes,
    });
    return mandate;
  });
}

/** False when the capability has no such mandate. */
export async function removeMandate(db: Kysely<Database>, capability: EntityRow, id: number, actor: Actor) {
  const current = (await repo.listMandates(db, capability.id)).find((m) => m.id === id);
  if (!current) return false;
  return inTransaction(db, async (tx) => {
    if ((await repo.deleteMandate(tx, id, capability.id)) === 0) return false;
    await recordAudit(tx, actor, {
      action: 'delete',
      entity: entityOf(capability, id),
      summary: `Removed mandate ${id} of ${capability.name}`,
      changes: diffFields(auditState(toMandate(current, capability.name)), null),
    });
    return true;
  });
}
