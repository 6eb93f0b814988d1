import { describe, expect, it } from 'vitest';
import { formatEntityRef, isValidEntityName, isValidNamespace, parseEntityRef } from './entity-ref.js';

const inDefault = { defaultKind: 'group', defaultNamespace: 'default' };

describe('parseEntityRef', () => {
  it('fills the kind and namespace a reference leaves out', () => {
    expect(parseEntityRef('payments', inDefault)).toEqual({ kind: 'group', namespace: 'default', name: 'payments' });
    expect(parseEntityRef('user:jdoe', inDefault)).toEqual({ kind: 'user', namespace: 'default', name: 'jdoe' });
    expect(parseEntityRef('fraud/risk', inDefault)).toEqual({ kind: 'group', namespace: 'fraud', name: 'risk' });
    expect(parseEntityRef('api:fraud/fraud-score', { defaultKind: 'api', defaultNamespace: 'payments' })).toEqual({
      kind: 'api',
      namespace: 'fraud',
      name: 'fraud-score',
    });
  });

  it('uses the namespace it is given as the default, not always "default"', () => {
    expect(parseEntityRef('checkout', { defaultKind: 'system', defaultNamespace: 'payments' })).toEqual({
      kind: 'system',
      namespace: 'payments',
      name: 'checkout',
    });
  });

  it('lowercases every part, since references compare case-insensitively', () => {
    expect(parseEntityRef('Group:Default/Platform-CI', inDefault)).toEqual({
      kind: 'group',
      namespace: 'default',
      name: 'platform-ci',
    });
  });

  it('returns a reason for text that is not a reference', () => {
    expect(parseEntityRef('group:', inDefault)).toBe(
      '"group:" is not a valid entity reference [kind:][namespace/]name',
    );
    expect(parseEntityRef(':payments', inDefault)).toBe(
      '":payments" is not a valid entity reference [kind:][namespace/]name',
    );
    expect(parseEntityRef('default/', inDefault)).toBe(
      '"default/" is not a valid entity reference [kind:][namespace/]name',
    );
    expect(parseEntityRef('group:default/pay ments', inDefault)).toBe(
      '"group:default/pay ments" is not a valid entity reference [kind:][namespace/]name: invalid name "pay ments"',
    );
    expect(parseEntityRef('a/b/c', inDefault)).toBe(
      '"a/b/c" is not a valid entity reference [kind:][namespace/]name: invalid name "b/c"',
    );
    expect(parseEntityRef('group:Bad_NS/x', inDefault)).toBe(
      '"group:Bad_NS/x" is not a valid entity reference [kind:][namespace/]name: invalid namespace "Bad_NS"',
    );
    expect(parseEntityRef('9lives:x', inDefault)).toBe(
      '"9lives:x" is not a valid entity reference [kind:][namespace/]name: invalid kind "9lives"',
    );
    expect(parseEntityRef('x', { defaultNamespace: 'default' })).toBe(
      '"x" is not a valid entity reference [kind:][namespace/]name: the kind is required',
    );
    expect(parseEntityRef(42, inDefault)).toBe('must be a string reference [kind:][namespace/]name');
    expect(parseEntityRef({ kind: 'group' }, inDefault)).toBe('must be a string reference [kind:][namespace/]name');
  });
});

describe('formatEntityRef', () => {
  it('writes kind:namespace/name in lowercase', () => {
    expect(formatEntityRef({ kind: 'Component', namespace: 'default', name: 'Payments-API' })).toBe(
      'component:default/payments-api',
    );
  });
});

describe('naming rules', () => {
  it("follows Backstage's name and namespace rules", () => {
    expect(isValidEntityName('payments-api')).toBe(true);
    expect(isValidEntityName('a')).toBe(true);
    expect(isValidEntityName('Payments_API.v2')).toBe(true);
    expect(isValidEntityName('x'.repeat(63))).toBe(true);
    expect(isValidEntityName('x'.repeat(64))).toBe(false);
    expect(isValidEntityName('-payments')).toBe(false);
    expect(isValidEntityName('payments-')).toBe(false);
    expect(isValidEntityName('payments api')).toBe(false);
    expect(isValidEntityName('')).toBe(false);
    expect(isValidNamespace('team-a')).toBe(true);
    expect(isValidNamespace('Team-A')).toBe(false);
    expect(isValidNamespace('team--a')).toBe(false);
    expect(isValidNamespace('team_a')).toBe(false);
  });
});
