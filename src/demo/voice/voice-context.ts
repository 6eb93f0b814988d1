import { addMonths, dayOf, isoDay, parseDay, type Day } from '../adoption-dates.js';
import type { DemoAdoptionPlan } from '../adoption-plan.js';
import type { DemoCatalog, DemoTeam, DemoUser } from '../demo-catalog.js';
import type { Random } from '../../shared/random.js';
import type { DemoFeedbackItem } from './voice-plan.js';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** What every part of the voice generator reads: the organisation, its adoption and the calendar. */
export interface VoiceContext {
  seed: number;
  catalog: DemoCatalog;
  today: Day;
  windowStart: Day;
  customers: DemoTeam[];
  platformTeams: DemoTeam[];
  /** The day the team adopted the capability (and still used it then); null: never. */
  adoptedOn(team: string, capability: string | null): Day | null;
  /** The capability's GA day; null for beta and experimental ones (or none named). */
  gaOf(capability: string | null): Day | null;
  /** The capability's owning platform team. */
  ownerOf(capability: string): DemoTeam;
  /** A platform team by name. */
  platformTeam(name: string): DemoTeam;
  /** A new item key of a kind: `pain-12`. */
  nextKey(kind: DemoFeedbackItem['kind']): string;
}

export function voiceContext(
  catalog: DemoCatalog,
  adoption: DemoAdoptionPlan,
  seed: number,
  today: Date,
): VoiceContext {
  const day = dayOf(today);
  const adopted = new Map(adoption.teams.map((t) => [`${t.team} ${t.capability}`, parseDay(t.adoptedOn)]));
  const counters = new Map<string, number>();
  const teams = new Map(catalog.teams.map((t) => [t.name, t]));
  return {
    seed,
    catalog,
    today: day,
    windowStart: addMonths(day, -24),
    customers: catalog.teams.filter((t) => t.role === 'customer'),
    platformTeams: catalog.teams.filter((t) => t.role === 'platform'),
    adoptedOn: (team, capability) => (capability ? (adopted.get(`${team} ${capability}`) ?? null) : null),
    gaOf(capability) {
      const ga = catalog.capabilities.find((c) => c.name === capability)?.gaDate;
      return ga ? parseDay(ga) : null;
    },
    ownerOf(capability) {
      const owner = catalog.capabilities.find((c) => c.name === capability)?.owner;
      const team = owner ? teams.get(owner) : undefined;
      if (!team) throw new Error(`demo voice: no owning team for ${capability}`);
      return team;
    },
    platformTeam(name) {
      const team = teams.get(name);
      if (!team || team.role !== 'platform') throw new Error(`demo voice: no platform team ${name}`);
      return team;
    },
    nextKey(kind) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return `${kind}-${n}`;
    },
  };
}

/** A moment in working hours (08:00-18:00 UTC) on a day: people write during the day. */
export function workingTime(rng: Random, day: Day): number {
  return day * DAY_MS + 8 * HOUR_MS + Math.floor(rng.next() * 10 * HOUR_MS);
}

export const iso = (ms: number) => new Date(ms).toISOString();
export const hoursLater = (ms: number, hours: number) => ms + Math.round(hours * HOUR_MS);

/** `2026-Q4`. */
export function quarterOf(day: Day): string {
  const [year, month] = isoDay(day).split('-').map(Number) as [number, number];
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** A team member: who writes, votes and answers for the team. */
export function memberOf(rng: Random, team: DemoTeam): DemoUser {
  return rng.pick(team.members);
}
