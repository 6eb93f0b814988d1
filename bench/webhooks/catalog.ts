/** The benchmark's catalog: TEAMS teams owning SERVICES services, each service mapped to its GitHub repository. */
export const TEAMS = 200;
export const SERVICES = 2_000;
export const ORG = 'bench';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const teamName = (t: number) => `team-${pad(t, 3)}`;
export const serviceName = (s: number) => `svc-${pad(s, 4)}`;
/** Service s belongs to team s mod TEAMS, so every team owns SERVICES / TEAMS services. */
export const teamOf = (s: number) => s % TEAMS;
export const repositoryOf = (s: number) => `${ORG}/${serviceName(s)}`;

/** One descriptor file holding every team and service, as `paved import backstage` reads it. */
export function catalogFile(): { path: string; content: string } {
  const docs: string[] = [];
  for (let t = 0; t < TEAMS; t++) {
    docs.push(
      `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: ${teamName(t)} }\nspec: { type: team, children: [] }\n`,
    );
  }
  for (let s = 0; s < SERVICES; s++) {
    docs.push(
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${serviceName(s)}\n  annotations: { github.com/project-slug: ${repositoryOf(s)} }\n` +
        `spec: { type: service, lifecycle: production, owner: ${teamName(teamOf(s))} }\n`,
    );
  }
  return { path: 'catalog-info.yaml', content: docs.join('---\n') };
}
