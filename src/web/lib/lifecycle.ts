import type { Lifecycle } from '../api/types.js';

/** Capability lifecycles in the order a capability moves through them. */
export const LIFECYCLES: readonly Lifecycle[] = ['experimental', 'beta', 'ga', 'deprecated', 'retired'];

/** Chart and badge colours per capability lifecycle, in the order a capability moves through them. */
export const LIFECYCLE_COLORS: Record<string, string> = {
  experimental: '#9333ea',
  beta: '#0ea5e9',
  ga: '#16a34a',
  deprecated: '#d97706',
  retired: '#64748b',
};

export function lifecycleLabel(lifecycle: string): string {
  return lifecycle === 'ga' ? 'GA' : lifecycle.charAt(0).toUpperCase() + lifecycle.slice(1);
}
