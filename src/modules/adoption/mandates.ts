import type { MandateRow } from '../../db/schema/adoption.js';
import type { EntityRow } from '../../db/schema/entities.js';
import type { Db } from '../../db/schema/index.js';
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

export async function createMandate(
  db: Db,
  capability: EntityRow,
  body: {
    scope: 'all' | { teams: string[] };
    effectiveFrom: Date;
    deadline?: Date | undefined;
    note?: string | undefined;
  },
  actor: string,
) {
  checkDates(body.effectiveFrom, body.deadline);
  const { scope, refs } = await teamRefs(db, body.scope);
  const row = await repo.insertMandate(db, {
    capabilityId: capability.id,
    scope,
    teamRefs: refs,
    effectiveFrom: body.effectiveFrom,
    deadline: body.deadline ?? null,
    note: body.note ?? null,
    createdBy: actor,
  });
  return toMandate(row, capability.name);
}

export async function changeMandate(
  db: Db,
  capability: EntityRow,
  id: number,
  body: {
    scope?: 'all' | { teams: string[] } | undefined;
    effectiveFrom?: Date | undefined;
    deadline?: Date | null | undefined;
    note?: string | null | undefined;
  },
) {
  const current = (await repo.listMandates(db, capability.id)).find((m) => m.id === id);
  if (!current) throw notFound(`mandate ${id} of ${capability.name}`);
  checkDates(
    body.effectiveFrom ?? new Date(current.effective_from),
    body.deadline === undefined ? (current.deadline ? new Date(current.deadline) : null) : body.deadline,
  );
  const scope = body.scope ? await teamRefs(db, body.scope) : null;
  const row = await repo.updateMandate(db, id, capability.id, {
    ...(scope ? { scope: scope.scope, teamRefs: scope.refs } : {}),
    effectiveFrom: body.effectiveFrom,
    deadline: body.deadline,
    note: body.note,
  });
  if (!row) throw new AppError('NOT_FOUND', `mandate ${id} of ${capability.name} not found`);
  return toMandate(row, capability.name);
}
