import type { Db } from '../../../db/schema/index.js';
import type { AffectedService, Deprecation, Migration, TeamMigration } from './contract.js';
import { burndown, dayOf, pastHalfway } from './burndown.js';
import * as repo from './repo.js';

type Repository = AffectedService['repositories'][number];
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Affected repositories grouped into services (mapped ones) and the unmapped rest. */
function servicesOf(rows: repo.MigrationRow[]) {
  const services = new Map<string, AffectedService>();
  const unmapped: Repository[] = [];
  for (const row of rows) {
    const repository: Repository = {
      repository: row.repository,
      path: row.repository_path,
      evidence: (row.evidence ?? []).map((e) => ({ file: e.file, line: e.line ?? null })),
      migratedAt: iso(row.migrated_at),
    };
    if (row.service === null) {
      unmapped.push(repository);
      continue;
    }
    const service = services.get(row.service) ?? {
      service: row.service,
      serviceTitle: row.service_title,
      team: row.team,
      migratedAt: null,
      repositories: [],
    };
    service.repositories.push(repository);
    services.set(row.service, service);
  }
  // A service migrated when all its affected repositories did: at the last of them.
  for (const s of services.values()) {
    const times = s.repositories.map((r) => r.migratedAt);
    s.migratedAt = times.includes(null) ? null : ((times as string[]).sort().at(-1) ?? null);
  }
  return { services: [...services.values()], unmapped };
}

function teamsOf(
  release: repo.MigrationReleaseRow,
  rows: repo.MigrationRow[],
  services: AffectedService[],
  today: string,
) {
  const titles = new Map(rows.map((r) => [r.team, r.team_title]));
  const teams = new Map<string | null, TeamMigration>();
  const afterDeadline = release.deadline !== null && today > release.deadline;
  const halfway = pastHalfway(new Date(release.released_at), release.deadline, today);
  for (const s of services) {
    const team = teams.get(s.team) ?? {
      team: s.team,
      teamTitle: titles.get(s.team) ?? null,
      affected: 0,
      migrated: 0,
      remaining: 0,
      late: false,
      atRisk: false,
      services: [],
    };
    team.affected++;
    if (s.migratedAt === null) team.remaining++;
    else team.migrated++;
    team.services.push(s);
    teams.set(s.team, team);
  }
  for (const t of teams.values()) {
    t.late = afterDeadline && t.remaining > 0;
    t.atRisk = !afterDeadline && halfway && t.migrated === 0 && t.remaining > 0;
  }
  const rank = (t: TeamMigration) => (t.late ? 0 : t.atRisk ? 1 : 2);
  return [...teams.values()].sort(
    (a, b) => rank(a) - rank(b) || b.remaining - a.remaining || (a.team ?? '').localeCompare(b.team ?? ''),
  );
}

function summarise(release: repo.MigrationReleaseRow, rows: repo.MigrationRow[], now: Date) {
  const today = dayOf(now);
  const { services, unmapped } = servicesOf(rows);
  const teams = teamsOf(release, rows, services, today);
  const migrated = services.filter((s) => s.migratedAt !== null).length;
  const affected = services.length;
  const evaluated = release.affected_at !== null;
  const named = (t: TeamMigration) => t.team ?? '(no owner)';
  const deprecation: Deprecation = {
    id: release.id,
    capability: release.capability ?? '',
    capabilityTitle: release.capability_title,
    version: release.version,
    title: release.title,
    type: release.type as Deprecation['type'],
    releasedAt: new Date(release.released_at).toISOString(),
    deadline: release.deadline,
    rules: release.rules === null ? 'capability' : 'own',
    evaluated,
    affectedAt: iso(release.affected_at),
    affected,
    migrated,
    remaining: affected - migrated,
    progress: affected === 0 ? null : migrated / affected,
    open: !evaluated || migrated < affected,
    teamsLate: teams.filter((t) => t.late).map(named),
    teamsAtRisk: teams.filter((t) => t.atRisk).map(named),
  };
  return { deprecation, services, unmapped, teams, today };
}

/** Every deprecation and breaking release of a capability with its migration's headline numbers, newest first. */
export async function listDeprecations(db: Db, now = new Date()): Promise<Deprecation[]> {
  const releases = await repo.listMigrationReleases(db);
  const rows = await repo.listMigrationRows(
    db,
    releases.map((r) => r.id),
  );
  return releases.map(
    (r) =>
      summarise(
        r,
        rows.filter((row) => row.release_id === r.id),
        now,
      ).deprecation,
  );
}

/** One release's migration: affected services by team with their evidence, and the burn-down. */
export async function migrationView(db: Db, release: repo.MigrationReleaseRow, now = new Date()): Promise<Migration> {
  const rows = await repo.listMigrationRows(db, [release.id]);
  const { deprecation, services, unmapped, teams, today } = summarise(release, rows, now);
  const points = burndown({
    releasedAt: new Date(release.released_at),
    deadline: release.deadline,
    today,
    migratedAt: services.map((s) => (s.migratedAt === null ? null : new Date(s.migratedAt))),
  });
  return { ...deprecation, today, teams, unmapped, burndown: points };
}
