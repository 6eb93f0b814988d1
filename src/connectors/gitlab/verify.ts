import { constantTimeEqual } from '../constant-time.js';

/** GitLab sends the configured secret token itself in `X-Gitlab-Token`. */
export function matchGitlabToken(tokens: string[], header: string | undefined): number {
  if (!header) return -1;
  return tokens.findIndex((token) => constantTimeEqual(header, token));
}

export const verifyGitlabToken = (tokens: string[], header: string | undefined) =>
  matchGitlabToken(tokens, header) >= 0;
