import { useFollow } from '../../hooks/queries/use-follow.js';
import { useFollows } from '../../hooks/queries/use-follows.js';
import { useMe } from '../../hooks/queries/use-me.js';

/** "Follow" / "Following" on a capability's page: a follower is notified of its releases. People only. */
export function FollowButton({ name }: { name: string }) {
  const person = useMe().data?.person ?? null;
  const follows = useFollows(person !== null);
  const change = useFollow(name);
  if (!person || !follows.data) return null;
  const following = follows.data.items.some((f) => f.capability === name);
  return (
    <button
      type="button"
      className={following ? 'button' : 'button button-primary'}
      aria-pressed={following}
      title={following ? 'You are notified of its releases; press to stop' : 'Be notified of its releases'}
      disabled={change.isPending}
      onClick={() => change.mutate(!following)}
    >
      {following ? 'Following' : 'Follow'}
    </button>
  );
}
