import { lifecycleLabel } from '../lib/lifecycle.js';
import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info' | 'purple';

export function Badge({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

const LIFECYCLE_TONE: Record<string, Tone> = {
  experimental: 'purple',
  beta: 'info',
  ga: 'success',
  production: 'success',
  deprecated: 'warning',
  retired: 'neutral',
};

/** Capability lifecycles (experimental → retired) and service lifecycles (production, …) alike. */
export function LifecycleBadge({ lifecycle }: { lifecycle: string | null }) {
  if (!lifecycle) return null;
  return (
    <Badge tone={LIFECYCLE_TONE[lifecycle] ?? 'neutral'} title={`Lifecycle: ${lifecycle}`}>
      {lifecycleLabel(lifecycle)}
    </Badge>
  );
}

/** Nothing for active entities; "orphaned" for those gone from their source but kept with history. */
export function StatusBadge({ status }: { status: string }) {
  if (status !== 'orphaned') return null;
  return (
    <Badge tone="danger" title="No longer in its source catalog; kept with its history">
      orphaned
    </Badge>
  );
}

const KIND_TONE: Record<string, Tone> = { platform: 'accent', customer: 'info', other: 'neutral' };

export function TeamKindBadge({ kind }: { kind: string }) {
  return <Badge tone={KIND_TONE[kind] ?? 'neutral'}>{kind === 'other' ? 'team' : `${kind} team`}</Badge>;
}
