import { describe, expect, it } from 'vitest';
import { slugOfUrl } from '../../catalog/service-mapping/annotations.js';
import { mapRepository, type ServiceCandidate } from './map-repository.js';

const services: ServiceCandidate[] = [
  { id: 1, name: 'checkout', namespace: 'default', slugs: ['acme/checkout'] },
  { id: 2, name: 'ledger', namespace: 'default', slugs: ['acme/ledger-service'] },
  { id: 3, name: 'search', namespace: 'default', slugs: ['platform/tools/search'] },
  { id: 4, name: 'search-legacy', namespace: 'default', slugs: ['old/search'] },
];

describe('slugOfUrl', () => {
  it('reads the forms git remotes and Backstage annotations take', () => {
    expect(slugOfUrl('git@github.com:Acme/Checkout.git')).toBe('acme/checkout');
    expect(slugOfUrl('https://github.com/acme/checkout.git')).toBe('acme/checkout');
    expect(slugOfUrl('ssh://git@gitlab.com/platform/tools/search.git')).toBe('platform/tools/search');
    expect(slugOfUrl('url:https://github.com/acme/checkout/tree/main/')).toBe('acme/checkout');
    expect(slugOfUrl('https://gitlab.com/platform/tools/search/-/tree/main')).toBe('platform/tools/search');
    expect(slugOfUrl('/srv/git/checkout')).toBeNull();
  });
});

describe('mapRepository', () => {
  it('prefers the catalog-info Component, then the remote, then a unique directory name', () => {
    expect(
      mapRepository(
        {
          name: 'x',
          remoteUrl: 'git@github.com:acme/checkout.git',
          component: { name: 'Ledger', namespace: 'default' },
        },
        services,
      ),
    ).toEqual({ serviceId: 2, via: 'catalog-info' });
    expect(
      mapRepository({ name: 'x', remoteUrl: 'git@github.com:acme/checkout.git', component: null }, services),
    ).toEqual({ serviceId: 1, via: 'remote' });
    expect(mapRepository({ name: 'ledger-service', remoteUrl: null, component: null }, services)).toEqual({
      serviceId: 2,
      via: 'directory',
    });
  });
  it('leaves ambiguous and unknown repositories unmapped', () => {
    expect(mapRepository({ name: 'search', remoteUrl: null, component: null }, services)).toBeNull();
    expect(
      mapRepository({ name: 'billing', remoteUrl: 'https://github.com/acme/billing', component: null }, services),
    ).toBeNull();
  });
});
