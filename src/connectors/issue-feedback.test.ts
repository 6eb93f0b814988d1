import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDBACK_LABELS, feedbackKindOf, githubIssueFeedback } from './issue-feedback.js';

describe('feedback labels', () => {
  it('reads the kind from labels in any case, a bug before a support request before a request', () => {
    expect(feedbackKindOf(['Enhancement'], DEFAULT_FEEDBACK_LABELS)).toBe('request');
    expect(feedbackKindOf(['question', 'feature'], DEFAULT_FEEDBACK_LABELS)).toBe('support');
    expect(feedbackKindOf(['feature', 'question', ' BUG '], DEFAULT_FEEDBACK_LABELS)).toBe('bug');
    expect(feedbackKindOf(['documentation'], DEFAULT_FEEDBACK_LABELS)).toBeNull();
  });

  it('reads a severity 1-4 and a category from labels, and leaves out what no label says', () => {
    const issue = (labels: string[]) => ({
      action: 'opened',
      issue: {
        number: 7,
        labels: labels.map((name) => ({ name })),
        title: 'x',
        user: { login: 'a' },
        created_at: '2024-01-01T00:00:00Z',
        state: 'open',
      },
    });
    const fact = (labels: string[]) => {
      const derived = githubIssueFeedback(issue(labels), 'o/r', DEFAULT_FEEDBACK_LABELS);
      return derived.status === 'processed' ? derived.facts[0] : derived;
    };
    for (const [label, severity] of [
      ['sev1', 1],
      ['Severity: 3', 3],
      ['severity::2', 2],
      ['P4', 4],
      ['sev5', null],
      ['p0', null],
    ] as const)
      expect([label, fact(['bug', label])]).toEqual([label, expect.objectContaining({ severity })]);
    expect(fact(['support', 'category: CI runners'])).toMatchObject({
      category: 'CI runners',
      feedbackKind: 'support',
    });
    expect(fact(['wontfix'])).toEqual({
      status: 'ignored',
      reason: 'issue #7 has no feedback label (bug, enhancement, feature, support, question)',
    });
  });
});
