import type { Capability, CapabilityCreate, CapabilityPatch, Lifecycle } from '../../api/types.js';
import { isIsoDay } from '../../lib/format.js';
import { shortRef } from '../../lib/refs.js';

export interface RuleDraft {
  type: 'files' | 'dependency';
  files: string;
  pattern: string;
  ecosystem: 'npm' | 'python' | 'go' | 'maven';
  dependency: string;
}

export interface Draft {
  name: string;
  title: string;
  description: string;
  owner: string;
  lifecycle: Lifecycle | '';
  category: string;
  gaDate: string;
  docs: string;
  tags: string;
  audience: string;
  detect: RuleDraft[];
}

export const ECOSYSTEMS = ['npm', 'python', 'go', 'maven'] as const;
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export const emptyRule = (): RuleDraft => ({ type: 'files', files: '', pattern: '', ecosystem: 'npm', dependency: '' });

export function emptyDraft(): Draft {
  return {
    name: '',
    title: '',
    description: '',
    owner: '',
    lifecycle: 'experimental',
    category: '',
    gaDate: '',
    docs: '',
    tags: '',
    audience: '',
    detect: [],
  };
}

export function toDraft(c: Capability): Draft {
  return {
    name: c.name,
    title: c.title ?? '',
    description: c.description ?? '',
    owner: c.ownerRef ? shortRef(c.ownerRef) : '',
    lifecycle: c.lifecycle,
    category: c.category ?? '',
    gaDate: c.gaDate ?? '',
    docs: c.docs ?? '',
    tags: c.tags.join(', '),
    audience: c.audience.join(', '),
    detect: ruleDrafts(c.detect),
  };
}

/** Stored detect rules as the editor's drafts. */
export function ruleDrafts(detect: Capability['detect']): RuleDraft[] {
  return detect.map((r) =>
    'dependency' in r
      ? { ...emptyRule(), type: 'dependency', ecosystem: r.dependency.ecosystem, dependency: r.dependency.name }
      : { ...emptyRule(), files: r.files, pattern: r.pattern ?? '' },
  );
}

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function rules(d: Draft): NonNullable<CapabilityCreate['detect']> {
  return ruleBodies(d.detect);
}

/** The editor's drafts as the API's detect rules. */
export function ruleBodies(drafts: RuleDraft[]): NonNullable<CapabilityCreate['detect']> {
  return drafts.map((r) =>
    r.type === 'dependency'
      ? { dependency: { ecosystem: r.ecosystem, name: r.dependency.trim() } }
      : { files: r.files.trim(), ...(r.pattern ? { pattern: r.pattern } : {}) },
  );
}

function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** What a date field says when its text is not a day written YYYY-MM-DD. */
export const DATE_PROBLEM = 'Write the day as YYYY-MM-DD, e.g. 2026-03-01.';

/** Problems the browser can see before asking the server, keyed like the API's validation details. */
export function validateDraft(d: Draft, creating: boolean): Record<string, string> {
  const p: Record<string, string> = {};
  if (creating) {
    if (!d.name.trim()) p.name = 'A name is required.';
    else if (d.name.length > 63 || !NAME.test(d.name))
      p.name = 'Use 1-63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit.';
  }
  if (!d.owner.trim()) p.owner = 'Name the platform team that owns it, e.g. platform-ci.';
  if (!d.lifecycle) p.lifecycle = 'Choose a lifecycle.';
  if (d.gaDate.trim() && !isIsoDay(d.gaDate.trim())) p.gaDate = DATE_PROBLEM;
  if (d.docs.trim() && !isHttpUrl(d.docs.trim()))
    p.docs = 'Use a full http(s) address, e.g. https://docs.example.com/golden-ci.';
  d.detect.forEach((r, i) => {
    if (r.type === 'files' && !r.files.trim())
      p[`detect.${i}.files`] = 'A glob is required, e.g. .github/workflows/*.yml.';
    if (r.type === 'dependency' && !r.dependency.trim()) p[`detect.${i}.dependency`] = 'A package name is required.';
  });
  return p;
}

export function toCreate(d: Draft): CapabilityCreate {
  const body: CapabilityCreate = { name: d.name.trim(), owner: d.owner.trim(), lifecycle: d.lifecycle as Lifecycle };
  if (d.title.trim()) body.title = d.title.trim();
  if (d.description.trim()) body.description = d.description.trim();
  if (d.category.trim()) body.category = d.category.trim();
  if (d.gaDate.trim()) body.gaDate = d.gaDate.trim();
  if (d.docs.trim()) body.docs = d.docs.trim();
  if (list(d.tags).length) body.tags = list(d.tags);
  if (list(d.audience).length) body.audience = list(d.audience);
  if (d.detect.length) body.detect = rules(d);
  return body;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed; emptied optional fields are sent as null (or "" for title and description). */
export function toPatch(d: Draft, before: Draft): CapabilityPatch {
  const body: CapabilityPatch = {};
  if (d.title.trim() !== before.title) body.title = d.title.trim();
  if (d.description.trim() !== before.description) body.description = d.description.trim();
  if (d.owner.trim() !== before.owner) body.owner = d.owner.trim();
  if (d.lifecycle !== before.lifecycle && d.lifecycle) body.lifecycle = d.lifecycle;
  if (d.category.trim() !== before.category) body.category = d.category.trim() || null;
  if (d.gaDate !== before.gaDate) body.gaDate = d.gaDate.trim() || null;
  if (d.docs.trim() !== before.docs) body.docs = d.docs.trim() || null;
  if (!same(list(d.tags), list(before.tags))) body.tags = list(d.tags);
  if (!same(list(d.audience), list(before.audience))) body.audience = list(d.audience);
  if (!same(rules(d), rules(before))) body.detect = rules(d);
  return body;
}

/** Every problem about `field` or inside it (`tags` also gets `tags.2`). */
export function problemFor(problems: Record<string, string>, field: string): string | undefined {
  const found = Object.entries(problems)
    .filter(([k]) => k === field || k.startsWith(`${field}.`))
    .map(([, v]) => v);
  return found.length ? found.join('; ') : undefined;
}

const SHOWN = new Set([
  'name',
  'title',
  'description',
  'owner',
  'lifecycle',
  'category',
  'gaDate',
  'docs',
  'tags',
  'audience',
  'detect',
]);

/** Problems no field on the form can show, so they go in the summary instead of disappearing. */
export function unplacedProblems(problems: Record<string, string>): [string, string][] {
  return Object.entries(problems).filter(([k]) => !SHOWN.has(k.split('.')[0] ?? ''));
}
