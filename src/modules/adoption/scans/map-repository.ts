import { slugOfUrl } from '../../catalog/service-mapping/annotations.js';

/** A service as the scanner sees it: where its code lives according to its annotations. */
export interface ServiceCandidate {
  id: number;
  name: string;
  namespace: string;
  /** Lowercase `owner/repo` paths from `github.com/project-slug`, `gitlab.com/project-slug` and `backstage.io/source-location`. */
  slugs: string[];
}

export interface RepositoryIdentity {
  name: string;
  remoteUrl: string | null;
  component: { name: string; namespace: string } | null;
}

export type Mapping = { serviceId: number; via: 'catalog-info' | 'remote' | 'directory' } | null;

/**
 * Finds a repository's service: the Component its catalog-info.yaml names, else the service whose
 * annotations point at its remote, else the one service whose repository is named like its directory.
 * Anything else is unmapped: reported, never guessed.
 */
export function mapRepository(repo: RepositoryIdentity, services: ServiceCandidate[]): Mapping {
  if (repo.component) {
    const { name, namespace } = repo.component;
    const found = services.find(
      (s) => s.name.toLowerCase() === name.toLowerCase() && s.namespace === namespace.toLowerCase(),
    );
    if (found) return { serviceId: found.id, via: 'catalog-info' };
  }
  const remote = repo.remoteUrl ? slugOfUrl(repo.remoteUrl) : null;
  if (remote) {
    const found = services.filter((s) => s.slugs.includes(remote));
    if (found.length === 1 && found[0]) return { serviceId: found[0].id, via: 'remote' };
  }
  const dir = repo.name.toLowerCase();
  const byDir = services.filter((s) => s.slugs.some((slug) => slug.split('/').pop() === dir));
  if (byDir.length === 1 && byDir[0]) return { serviceId: byDir[0].id, via: 'directory' };
  return null;
}
