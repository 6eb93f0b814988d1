import type { RequestItem } from '../../api/voice-types.js';
import { Card } from '../../components/Card.js';
import { Stat } from '../../components/Stat.js';
import { useVote } from '../../hooks/queries/use-vote.js';
import { plural } from '../../lib/format.js';

/** A request's votes and reach, and the signed-in person's Vote or Withdraw. */
export function VoteBox({ item, canVote }: { item: RequestItem; canVote: boolean }) {
  const vote = useVote();
  return (
    <Card
      title="Votes"
      actions={
        canVote ? (
          <button
            type="button"
            className={item.voted ? 'button' : 'button button-primary'}
            disabled={vote.isPending}
            onClick={() => vote.mutate({ id: item.id, withdraw: item.voted })}
          >
            {item.voted ? 'Withdraw my vote' : 'Vote'}
          </button>
        ) : null
      }
    >
      <div className="stats stats-2">
        <Stat label="Votes" value={item.votes} testId="request-votes" hint="people, one vote each" />
        <Stat
          label="Reach"
          value={item.reach}
          testId="request-reach"
          hint="customer teams among the author's and the voters'"
        />
      </div>
      {item.voted ? <p className="small muted">You voted for this request.</p> : null}
      {vote.error ? (
        <p className="field-error" role="alert">
          {vote.error.message}
        </p>
      ) : null}
      {!canVote ? (
        <p className="small muted">
          Votes are cast by people signed in as themselves ({plural(item.votes, 'vote')} so far).
        </p>
      ) : null}
    </Card>
  );
}
