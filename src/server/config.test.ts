import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('PAVED_ADMIN_TOKEN', () => {
  it('refuses a token shorter than 32 characters at start, saying why and how to make one', () => {
    for (const token of ['a', 'x'.repeat(31)]) {
      expect(() => loadConfig({ PAVED_ADMIN_TOKEN: token })).toThrow(
        `PAVED_ADMIN_TOKEN must be at least 32 characters long (it has ${token.length}): a short admin token can be guessed; generate one with \`openssl rand -hex 32\``,
      );
    }
  });

  it('accepts one of 32 characters or more, and none at all', () => {
    expect(loadConfig({ PAVED_ADMIN_TOKEN: 'x'.repeat(32) }).adminToken).toBe('x'.repeat(32));
    expect(loadConfig({}).adminToken).toBeNull();
    expect(loadConfig({ PAVED_ADMIN_TOKEN: '' }).adminToken).toBeNull();
  });
});

describe('PAVED_FEEDBACK_*_LABELS', () => {
  it('takes comma-separated labels per kind, the defaults when unset, and none when set empty', () => {
    expect(loadConfig({}).feedbackLabels).toEqual({
      bug: ['bug'],
      request: ['enhancement', 'feature'],
      support: ['support', 'question'],
    });
    expect(
      loadConfig({ PAVED_FEEDBACK_BUG_LABELS: 'type::bug, defect', PAVED_FEEDBACK_SUPPORT_LABELS: '' }).feedbackLabels,
    ).toEqual({ bug: ['type::bug', 'defect'], request: ['enhancement', 'feature'], support: [] });
  });
});
