import { Badge, type Tone } from '../../components/Badge.js';

const TONE: Record<string, Tone> = {
  open: 'warning',
  acknowledged: 'info',
  responded: 'info',
  planned: 'accent',
  now: 'accent',
  next: 'info',
  later: 'neutral',
  fixed: 'success',
  resolved: 'success',
  done: 'success',
  solved: 'success',
  declined: 'neutral',
  dismissed: 'neutral',
};

/** An item's, a problem's or a roadmap item's status, coloured by how settled it is. */
export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status] ?? 'neutral'}>{status}</Badge>;
}
