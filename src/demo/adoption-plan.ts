/**
 * The demo organisation's adoption history as plain data. `generateDemoAdoption(catalog, seed, today)` builds
 * it; `seedDemoAdoption` writes it; later generators (deliveries, incidents) read `teams` to plant effects
 * that start when a team adopted a capability. Days are `YYYY-MM-DD` in UTC; every date lies in the 24
 * months before `today`, and nothing happens on or after `today`.
 */

/** How a capability spread, in the words a platform team would use. */
export type AdoptionStoryKind =
  /** Voluntary, an S-curve over the months after GA. */
  | 'pulled'
  /** A mandate for every customer team, with a deadline; a jump of adoptions after it takes effect. */
  | 'pushed'
  /** Pulled by most, mandated for a short list of teams. */
  | 'mandated-teams'
  /** Adopted long ago, now being removed: detections become unmatched. */
  | 'churning'
  /** Beta or experimental: a few early adopters. */
  | 'early-adopters'
  /** Nobody uses it yet; some teams looked at it. */
  | 'not-adopted';

export interface DemoAdoptionStory {
  capability: string;
  kind: AdoptionStoryKind;
  /** One sentence a presenter can read out. */
  summary: string;
  /** First day adoption could start: GA (or when the beta opened, for beta and experimental), not before the window. */
  opensOn: string;
}

/** One matching line, as the scanner stores it: `ruleIndex` points into the capability's `detect` list. */
export interface DemoEvidence {
  ruleIndex: number;
  file: string;
  line: number;
  text: string;
}

/** A service's repository, as a scan of `demo://` would have found it. */
export interface DemoAdoptionRepository {
  service: string;
  /** `acme/<service>`: the slug of the catalog's `github.com/project-slug` or `gitlab.com/project-slug`. */
  name: string;
  /** `demo://acme/<service>`: unique; the demo's repositories are recognised by this scheme. */
  path: string;
  remoteUrl: string;
  /** 40-hex HEAD commit at the last (pretend) scan and its date. */
  head: string;
  headOn: string;
}

/** Usage events a running service sends: about `perWeek` a week from `firstOn` until the day before `today`. */
export interface DemoEventStream {
  action: string;
  perWeek: number;
  firstOn: string;
}

/** One service's use of one capability. */
export interface DemoServiceAdoption {
  capability: string;
  service: string;
  /** The owning customer team. */
  team: string;
  /** Day of the adoption commit (detection) or of the first event. */
  adoptedOn: string;
  /** Day the detection became unmatched (the service stopped using it); null while in use. */
  churnedOn: string | null;
  /** Repository signal; the repository is in `plan.repositories`. */
  detection: { evidence: DemoEvidence[]; adoptionCommit: string } | null;
  events: DemoEventStream | null;
}

/** A person of a team saying "we use this" or "we stopped", for use the repositories do not show. */
export interface DemoDeclaration {
  capability: string;
  team: string;
  status: 'using' | 'stopped';
  on: string;
  /** Email of the declaring team member. */
  by: string;
  note: string;
}

export interface DemoMandate {
  capability: string;
  /** `all` customer teams, or these team names. */
  scope: 'all' | string[];
  effectiveOn: string;
  deadlineOn: string | null;
  note: string;
  /** Email of the platform team member who recorded it. */
  by: string;
}

/** Someone of a team viewed the capability's page or release notes: "aware" in the funnel. */
export interface DemoCapabilityView {
  capability: string;
  team: string;
  /** Email of the viewer. */
  by: string;
  kind: 'page' | 'release-notes';
  on: string;
}

/**
 * A team's adoption, derived from its services and declarations the way Paved computes it: the earliest
 * signal; churned when every signal has ended; mandated when a mandate covering the team was in effect.
 */
export interface DemoTeamAdoption {
  capability: string;
  team: string;
  teamRef: string;
  adoptedOn: string;
  churnedOn: string | null;
  kind: 'voluntary' | 'mandated';
  /** Services that adopted, in adoption order. */
  services: string[];
  declared: boolean;
}

export interface DemoAdoptionPlan {
  seed: number;
  /** The UTC day the plan was made for; events stop the day before. */
  today: string;
  /** `today` minus 24 months: no signal is older. */
  windowStart: string;
  /** One per capability, in catalog order. */
  stories: DemoAdoptionStory[];
  repositories: DemoAdoptionRepository[];
  services: DemoServiceAdoption[];
  declarations: DemoDeclaration[];
  /** Exactly two. */
  mandates: DemoMandate[];
  views: DemoCapabilityView[];
  teams: DemoTeamAdoption[];
}
