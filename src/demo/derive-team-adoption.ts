import { isoDay, parseDay, type Day } from './adoption-dates.js';
import type { DemoDeclaration, DemoMandate, DemoServiceAdoption, DemoTeamAdoption } from './adoption-plan.js';
import { demoRef } from './demo-catalog.js';

interface Span {
  start: Day;
  end: Day | null;
}

/** "Using" opens a span, "stopped" closes it (DOMAIN.md, declarations). */
function declarationSpans(list: DemoDeclaration[]): Span[] {
  const spans: Span[] = [];
  let open: Day | null = null;
  for (const d of [...list].sort((a, b) => a.on.localeCompare(b.on))) {
    if (d.status === 'using' && open === null) open = parseDay(d.on);
    if (d.status === 'stopped' && open !== null) {
      spans.push({ start: open, end: parseDay(d.on) });
      open = null;
    }
  }
  if (open !== null) spans.push({ start: open, end: null });
  return spans;
}

/**
 * Each team's adoption of each capability, as Paved computes it from the same signals: it starts at the
 * earliest, has churned when every signal has ended (at the latest end), and is mandated when a mandate
 * covering the team was in effect that day. Usage events run until the day before `today`, so they never
 * end a service's use here: only a detection's `churnedOn` or a "stopped" declaration does.
 */
export function deriveTeamAdoptions(
  capabilities: string[],
  services: DemoServiceAdoption[],
  declarations: DemoDeclaration[],
  mandates: DemoMandate[],
): DemoTeamAdoption[] {
  const keyOf = (capability: string, team: string) => `${capability}\u0000${team}`;
  const groups = new Map<
    string,
    { capability: string; team: string; services: DemoServiceAdoption[]; declarations: DemoDeclaration[] }
  >();
  const group = (capability: string, team: string) => {
    const key = keyOf(capability, team);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { capability, team, services: [], declarations: [] }));
    return g;
  };
  for (const s of services) group(s.capability, s.team).services.push(s);
  for (const d of declarations) group(d.capability, d.team).declarations.push(d);

  const teams: DemoTeamAdoption[] = [];
  for (const g of groups.values()) {
    const spans: Span[] = [
      ...g.services.map((s) => ({
        start: parseDay(s.adoptedOn),
        end: s.churnedOn && !s.events ? parseDay(s.churnedOn) : null,
      })),
      ...declarationSpans(g.declarations),
    ];
    if (spans.length === 0) continue;
    const start = Math.min(...spans.map((s) => s.start));
    const ended = spans.every((s) => s.end !== null);
    const mandated = mandates.some(
      (m) =>
        m.capability === g.capability &&
        parseDay(m.effectiveOn) <= start &&
        (m.scope === 'all' || m.scope.includes(g.team)),
    );
    teams.push({
      capability: g.capability,
      team: g.team,
      teamRef: demoRef('group', g.team),
      adoptedOn: isoDay(start),
      churnedOn: ended ? isoDay(Math.max(...spans.map((s) => s.end as Day))) : null,
      kind: mandated ? 'mandated' : 'voluntary',
      services: [...g.services]
        .sort((a, b) => a.adoptedOn.localeCompare(b.adoptedOn) || a.service.localeCompare(b.service))
        .map((s) => s.service),
      declared: g.declarations.length > 0,
    });
  }
  const order = new Map(capabilities.map((c, i) => [c, i]));
  return teams.sort(
    (a, b) =>
      (order.get(a.capability) ?? 0) - (order.get(b.capability) ?? 0) ||
      a.adoptedOn.localeCompare(b.adoptedOn) ||
      a.team.localeCompare(b.team),
  );
}
