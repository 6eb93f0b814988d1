import type { Service } from '../contract.js';

/** The catalog annotation that names each outside system's name for a service. */
export const SERVICE_ANNOTATION = {
  github: 'github.com/project-slug',
  gitlab: 'gitlab.com/project-slug',
  pagerduty: 'pagerduty.com/service-id',
} as const;

export type MappedSource = keyof typeof SERVICE_ANNOTATION;

/** Repository slugs compare without case; PagerDuty service ids exactly. */
export const comparesLowercase = (source: MappedSource) => source !== 'pagerduty';

/** `owner/repo` from the annotation Backstage itself uses, GitHub first. */
export function repositoryOf(annotations: Record<string, string>): Service['repository'] {
  const github = annotations[SERVICE_ANNOTATION.github];
  if (github) return { provider: 'github', slug: github, url: `https://github.com/${github}` };
  const gitlab = annotations[SERVICE_ANNOTATION.gitlab];
  if (gitlab) return { provider: 'gitlab', slug: gitlab, url: `https://gitlab.com/${gitlab}` };
  return null;
}

/** Lowercase `owner/repo` paths where a service's code lives: its project slugs and `backstage.io/source-location`. */
export function codeLocations(annotations: Record<string, string>): string[] {
  const source = annotations['backstage.io/source-location'];
  return [
    annotations[SERVICE_ANNOTATION.github],
    annotations[SERVICE_ANNOTATION.gitlab],
    source ? slugOfUrl(source) : null,
  ]
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
    .map((s) => s.toLowerCase());
}

/** `git@github.com:acme/x.git`, `https://gitlab.com/g/sub/x/` → `acme/x`, `g/sub/x`. */
export function slugOfUrl(url: string): string | null {
  const scp = /^[\w.-]+@[\w.-]+:(.+)$/.exec(url);
  let path: string;
  if (scp?.[1] && !url.includes('://')) {
    path = scp[1];
  } else {
    try {
      path = new URL(url.replace(/^url:/, '')).pathname;
    } catch {
      return null;
    }
  }
  const clean = path
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '')
    .replace(/\/(-\/)?(tree|blob)\/.*$/, '')
    .toLowerCase();
  return clean.includes('/') ? clean : null;
}
