/** The lists behind the numbers: all deployments, the failed ones, those made during an open incident, incidents. */
export const LISTS = ['deployments', 'failed', 'rework', 'incidents'] as const;
export type DrillList = (typeof LISTS)[number];

export function parseList(value: string): DrillList {
  return (LISTS as readonly string[]).includes(value) ? (value as DrillList) : 'deployments';
}

/** A link to the same page and scope with another list open (`?…&list=failed`). */
export function drillSearch(search: string, list: DrillList): string {
  const params = new URLSearchParams(search);
  if (list === 'deployments') params.delete('list');
  else params.set('list', list);
  params.delete('status');
  const text = params.toString();
  return text ? `?${text}` : '?';
}
