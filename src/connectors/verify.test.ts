import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { matchGithubSignature, verifyGithubSignature } from './github/verify.js';
import { matchGitlabToken, verifyGitlabToken } from './gitlab/verify.js';
import { matchPagerDutySignature, verifyPagerDutySignature } from './pagerduty/verify.js';

describe('verifyGithubSignature', () => {
  // GitHub's own example ("Validating webhook deliveries"): this secret and payload give this signature.
  const secret = "It's a Secret to Everybody";
  const header = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

  it('accepts the signature GitHub documents', () => {
    expect(verifyGithubSignature([secret], 'Hello, World!', header)).toBe(true);
    expect(verifyGithubSignature(['old-secret', secret], Buffer.from('Hello, World!'), header)).toBe(true);
  });

  it('refuses another body, another secret, a missing or malformed header', () => {
    expect(verifyGithubSignature([secret], 'Hello, World?', header)).toBe(false);
    expect(verifyGithubSignature(['other'], 'Hello, World!', header)).toBe(false);
    expect(verifyGithubSignature([secret], 'Hello, World!', undefined)).toBe(false);
    expect(verifyGithubSignature([secret], 'Hello, World!', header.replace('sha256=', 'sha1='))).toBe(false);
    expect(verifyGithubSignature([secret], 'Hello, World!', 'sha256=abc')).toBe(false);
  });
});

describe('verifyPagerDutySignature', () => {
  const body = '{"event":{"id":"01DEN7X9","event_type":"incident.triggered"}}';
  const sign = (secret: string) => `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;

  it('accepts any of the listed v1 signatures', () => {
    expect(verifyPagerDutySignature(['new'], body, `${sign('old')},${sign('new')}`)).toBe(true);
    expect(verifyPagerDutySignature(['old'], body, `${sign('old')}, ${sign('new')}`)).toBe(true);
  });

  it('refuses a signature over another body or with another secret', () => {
    expect(verifyPagerDutySignature(['new'], `${body} `, sign('new'))).toBe(false);
    expect(verifyPagerDutySignature(['other'], body, `${sign('old')},${sign('new')}`)).toBe(false);
    expect(verifyPagerDutySignature(['new'], body, undefined)).toBe(false);
  });
});

describe('verifyGitlabToken', () => {
  it('compares the token GitLab sends', () => {
    expect(verifyGitlabToken(['s3cret'], 's3cret')).toBe(true);
    expect(verifyGitlabToken(['s3cret'], 's3cre')).toBe(false);
    expect(verifyGitlabToken(['s3cret'], undefined)).toBe(false);
  });
});

describe('match…', () => {
  it('names which secret verified, so a delivery records its integration', () => {
    const body = '{"a":1}';
    const hex = createHmac('sha256', 'second').update(body).digest('hex');
    expect(matchGithubSignature(['first', 'second'], body, `sha256=${hex}`)).toBe(1);
    expect(matchGithubSignature(['first'], body, `sha256=${hex}`)).toBe(-1);
    expect(matchPagerDutySignature(['first', 'second', 'third'], body, `v1=${hex}`)).toBe(1);
    expect(matchGitlabToken(['a-token', 'b-token'], 'b-token')).toBe(1);
    expect(matchGitlabToken(['a-token'], 'b-token')).toBe(-1);
  });
});
