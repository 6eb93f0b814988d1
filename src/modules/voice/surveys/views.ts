import { isoOrNull as iso } from '../../../http/openapi.js';
import { teamName } from './compute-results.js';
import type { Wave } from './contract.js';
import type { WaveCapability, WaveListRow } from './repo.js';

/** Closed by hand, or past its closing time. */
export const isClosed = (wave: { status: string; closes_at: Date | null }, now = new Date()) =>
  wave.status === 'closed' || (wave.closes_at !== null && new Date(wave.closes_at) <= now);

export function toWave(row: WaveListRow, capabilities: WaveCapability[]): Wave {
  return {
    id: row.id,
    title: row.title,
    teams: row.teams.map(teamName),
    allTeams: row.all_teams,
    capabilities: capabilities.filter((c) => c.wave_id === row.id).map((c) => ({ name: c.name, title: c.title })),
    opensAt: iso(row.opens_at) ?? '',
    closesAt: iso(row.closes_at),
    status: isClosed(row) ? 'closed' : 'open',
    createdBy: row.created_by,
    createdAt: iso(row.created_at) ?? '',
    invited: row.invited,
    answered: row.answered,
  };
}
