import type { FeedbackKind } from '../../../db/schema/voice.js';

/** An item of a problem as its measures need it: its team (a ref), whether it is open, its numbers. */
export interface MeasuredItem {
  kind: FeedbackKind;
  team: string | null;
  open: boolean;
  severity: number | null;
  hoursLostPerWeek: number | null;
}

export interface ProblemMeasures {
  reach: number;
  hoursLostPerWeek: number;
  severity: number | null;
}

/**
 * A problem's measures (DOMAIN.md "Problem"), from its items and its reach teams: the distinct customer teams among
 * its items' teams and its requests' voters' teams (repo.ts `reachTeams` finds them).
 * - reach = the number of those teams;
 * - hours lost per week = the sum over those teams of each team's largest hours lost among the problem's open pains
 *   (a team's two pains of 6 and 10 hours count 10; a resolved pain counts nothing);
 * - severity = the worst (lowest) severity among its open items, null when none has one.
 */
export function problemMeasures(items: MeasuredItem[], reachTeams: string[]): ProblemMeasures {
  const teams = new Set(reachTeams);
  const largest = new Map<string, number>();
  let severity: number | null = null;
  for (const item of items) {
    if (!item.open) continue;
    if (item.severity !== null) severity = severity === null ? item.severity : Math.min(severity, item.severity);
    if (item.kind !== 'pain' || item.team === null || !teams.has(item.team)) continue;
    largest.set(item.team, Math.max(largest.get(item.team) ?? 0, item.hoursLostPerWeek ?? 0));
  }
  let hours = 0;
  for (const value of largest.values()) hours += value;
  return { reach: teams.size, hoursLostPerWeek: Math.round(hours * 100) / 100, severity };
}

/** Reach of several targets together (a roadmap item's problems and requests): distinct teams of all of them. */
export function unionReach(teamLists: string[][]): string[] {
  return [...new Set(teamLists.flat())].sort();
}
