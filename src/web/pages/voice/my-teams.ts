import { useMe } from '../../hooks/queries/use-me.js';
import { shortRef } from '../../lib/refs.js';

/** The signed-in person's teams by name (`payments`), and whether they speak for the platform side. */
export function useMyTeams() {
  const me = useMe().data;
  return {
    me,
    teams: (me?.teams ?? []).map(shortRef),
    platform: me?.role === 'admin',
    /** A member or admin may write; a viewer reads only. */
    writes: me?.role === 'admin' || me?.role === 'member',
  };
}
