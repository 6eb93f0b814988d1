import type { CatalogFile } from '../../src/modules/catalog/entity.js';

/**
 * Beside the catalog fixture (payments with alice; platform-ci owning golden-ci and telemetry-sdk): two more
 * customer teams, mobile (bob) and search (cy), each owning a service, and pat in the platform team platform-ci.
 */
export const voiceCatalog: CatalogFile = {
  path: 'voice.yaml',
  content: [
    ...['mobile', 'search'].map(
      (team) =>
        `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: ${team} }\nspec: { type: team, children: [] }\n`,
    ),
    `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: mobile-app }\nspec: { type: service, lifecycle: production, owner: mobile }\n`,
    `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: search-api }\nspec: { type: service, lifecycle: production, owner: search }\n`,
    ...[
      ['bob', 'mobile'],
      ['cy', 'search'],
      ['pat', 'platform-ci'],
    ].map(
      ([name, team]) =>
        `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: ${name} }\nspec: { profile: { email: ${name}@example.com }, memberOf: [${team}] }\n`,
    ),
  ].join('---\n'),
};
