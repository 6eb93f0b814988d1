import { addMonths, dayOf, isoDay, parseDay, type Day } from '../adoption-dates.js';
import type { DemoAdoptionPlan } from '../adoption-plan.js';
import type { DemoCapability, DemoCatalog, DemoTeam } from '../demo-catalog.js';
import type { DemoVoicePlan } from '../voice/voice-plan.js';
import { createRandom, type Random } from '../../shared/random.js';
import { DEPRECATION_TEXT, RELEASE_TEXTS, type ReleaseText } from './release-texts.js';
import type { DemoDemo, DemoRelease, DemoShippingPlan } from './shipping-plan.js';

export type * from './shipping-plan.js';

const DEPRECATED = 'jenkins-shared-library';
const SECURITY: ReleaseText = {
  title: 'Security update',
  notes: 'Updates OpenSSL and the language runtimes to their patched versions. No change in behaviour; upgrade soon.',
};
const MAINTENANCE: ReleaseText = { title: 'Maintenance release', notes: '' };

type Step = { type: 'feature' | 'fix' | 'security'; text: ReleaseText };

/** The capability's releases in order: its features and fixes interleaved, a security update and a silent one. */
function steps(rng: Random, capability: string): Step[] {
  const texts = RELEASE_TEXTS[capability] ?? { features: [], fixes: [] };
  const features: Step[] = texts.features.map((text) => ({ type: 'feature', text }));
  const fixes: Step[] = texts.fixes.map((text) => ({ type: 'fix', text }));
  const out: Step[] = [];
  while (features.length || fixes.length) {
    const takeFeature = features.length > 0 && (fixes.length === 0 || rng.chance(0.6));
    out.push((takeFeature ? features : fixes).shift() as Step);
  }
  out.splice(rng.int(1, out.length), 0, { type: 'security', text: SECURITY });
  out.splice(rng.int(1, out.length), 0, { type: 'fix', text: MAINTENANCE });
  return out;
}

function nextVersion(version: [number, number, number], type: Step['type']): [number, number, number] {
  const [major, minor, patch] = version;
  return type === 'feature' ? [major, minor + 1, 0] : [major, minor, patch + 1];
}

const noon = (day: Day, rng: Random) => `${isoDay(day)}T${String(rng.int(9, 17)).padStart(2, '0')}:00:00.000Z`;

/** Releases of one capability, spread from its start to a week before today. */
function capabilityReleases(rng: Random, cap: DemoCapability, owner: DemoTeam, start: Day, end: Day): DemoRelease[] {
  const plan = steps(rng, cap.name);
  const span = Math.max(1, end - start);
  let version: [number, number, number] = cap.name === DEPRECATED ? [4, 2, 0] : [1, 0, 0];
  const first: DemoRelease = {
    key: `${cap.name}-${version.join('.')}`,
    capability: cap.name,
    version: version.join('.'),
    type: 'feature',
    title: cap.gaDate ? `${cap.title} is generally available` : `${cap.title} beta`,
    notes: `${cap.description}\n\nRead the docs at ${cap.docs}.`,
    date: noon(start, rng),
    deadline: null,
    closes: [],
    by: rng.pick(owner.members).email,
  };
  return [
    first,
    ...plan.map((step, i) => {
      version = nextVersion(version, step.type);
      const day = start + Math.round(((i + 1) * span) / plan.length) + rng.int(-4, 0);
      return {
        key: `${cap.name}-${version.join('.')}`,
        capability: cap.name,
        version: version.join('.'),
        type: step.type,
        title: step.text.title,
        notes: step.text.notes,
        date: noon(Math.min(day, end), rng),
        deadline: null,
        closes: [],
        by: rng.pick(owner.members).email,
      } satisfies DemoRelease;
    }),
  ];
}

/** Each done request and fixed bug on a capability is closed by the first release of it on or after its close. */
function attachCloses(releases: DemoRelease[], voice: DemoVoicePlan) {
  const byCapability = new Map<string, DemoRelease[]>();
  for (const r of releases) byCapability.set(r.capability, [...(byCapability.get(r.capability) ?? []), r]);
  for (const item of voice.items) {
    if (!item.capability || !item.closedAt) continue;
    const done = item.kind === 'request' ? item.requestStatus === 'done' : item.kind === 'bug';
    if (!done) continue;
    const closedDay = item.closedAt.slice(0, 10);
    // A release shipped without notes closes nothing: what it fixed would be in its notes.
    const candidates = (byCapability.get(item.capability) ?? []).filter(
      (r) => r.date.slice(0, 10) >= closedDay && r.notes !== '',
    );
    const release = candidates.find((r) => item.kind === 'request' || r.type === 'fix') ?? candidates[0];
    release?.closes.push({ kind: item.kind as 'request' | 'bug', key: item.key });
  }
}

/** Demos held a few weeks before waves of adoption, attended by teams that then adopted and by teams that did not. */
function capabilityDemos(
  rng: Random,
  cap: DemoCapability,
  owner: DemoTeam,
  adoption: DemoAdoptionPlan,
  customers: DemoTeam[],
  start: Day,
  end: Day,
): DemoDemo[] {
  const adopted = new Map(
    adoption.teams.filter((t) => t.capability === cap.name).map((t) => [t.team, parseDay(t.adoptedOn)]),
  );
  const days = [...adopted.values()].sort((a, b) => a - b);
  const picks = [0.2, 0.55].map((q) => days[Math.floor(q * days.length)]).filter((d) => d !== undefined);
  const demos: DemoDemo[] = [];
  for (const at of new Set(picks.map((d) => Math.max(start + 3, d - rng.int(10, 30))))) {
    if (at >= end) continue;
    const notYet = customers.filter((t) => (adopted.get(t.name) ?? Infinity) > at);
    const converts = notYet.filter((t) => (adopted.get(t.name) as number) <= at + 60);
    const stay = notYet.filter((t) => !((adopted.get(t.name) ?? Infinity) <= at + 60));
    const teams = [...rng.sample(converts, 3), ...rng.sample(stay, rng.int(2, 4))];
    const date = isoDay(at);
    demos.push({
      key: `${cap.name}-${date}`,
      capability: cap.name,
      date,
      title: `${cap.title}: live demo`,
      presenter: rng.pick(owner.members).displayName,
      recording: `https://video.acme.example/demos/${cap.name}-${date}`,
      slides: `https://docs.acme.example/slides/${cap.name}-${date}.pdf`,
      attendance: teams
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((team) => ({ team: team.name, person: rng.pick(team.members).name })),
    });
  }
  return demos;
}

/**
 * The demo's releases, demos and the Jenkins deprecation over the 24 months before `today`: every capability ships
 * from its GA (or beta) day, its releases close the requests and bugs the voice plan marked done and fixed, the
 * Jenkins shared library is deprecated fifteen months ago with a deadline two weeks ago (teams still on it are late),
 * and demos precede waves of adoption. Same inputs, same plan.
 */
export function generateDemoShipping(
  catalog: DemoCatalog,
  adoption: DemoAdoptionPlan,
  voice: DemoVoicePlan,
  seed: number,
  today: Date,
): DemoShippingPlan {
  const rng = createRandom(seed, 'shipping');
  const day = dayOf(today);
  const windowStart = parseDay(adoption.windowStart);
  const end = day - 2;
  const teams = new Map(catalog.teams.map((t) => [t.name, t]));
  const customers = catalog.teams.filter((t) => t.role === 'customer');
  const releases: DemoRelease[] = [];
  const demos: DemoDemo[] = [];
  for (const cap of catalog.capabilities) {
    const owner = teams.get(cap.owner) as DemoTeam;
    const ga = cap.gaDate ? parseDay(cap.gaDate) : addMonths(day, -9);
    const start = Math.max(windowStart, ga);
    if (start >= end) continue;
    // Each capability's latest release falls somewhere in the last six weeks, not all on one day.
    const last = cap.name === DEPRECATED ? addMonths(day, -16) : end - rng.int(0, 42);
    releases.push(...capabilityReleases(rng, cap, owner, start, last));
    if (cap.name !== DEPRECATED) demos.push(...capabilityDemos(rng, cap, owner, adoption, customers, start, end));
  }
  const jenkins = catalog.capabilities.find((c) => c.name === DEPRECATED);
  if (jenkins) {
    const owner = teams.get(jenkins.owner) as DemoTeam;
    releases.push({
      key: `${DEPRECATED}-5.0.0`,
      capability: DEPRECATED,
      version: '5.0.0',
      type: 'deprecation',
      title: DEPRECATION_TEXT.title,
      notes: DEPRECATION_TEXT.notes,
      // At midnight: a Jenkinsfile removed that day was removed after it (the test reads the plan by days).
      date: `${isoDay(addMonths(day, -15))}T00:00:00.000Z`,
      deadline: isoDay(day - 14),
      closes: [],
      by: rng.pick(owner.members).email,
    });
  }
  releases.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
  attachCloses(releases, voice);
  demos.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
  return { seed, today: isoDay(day), releases, demos };
}
