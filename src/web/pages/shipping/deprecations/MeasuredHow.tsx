/** How migration is measured, in plain words: nobody reports it, the repositories do. */
export function MeasuredHow() {
  return (
    <div className="small muted migration-help">
      <p>
        <strong>How migration is measured.</strong> Nobody reports it: the repositories do. A service is{' '}
        <em>affected</em> when one of its repositories used the old thing at the release: with the capability’s own
        detection rules, when its detection matched on the release date; with rules the release names, when they matched
        at the repository’s first scan after the release. It has <em>migrated</em> at the first scan at which none of
        its affected repositories match any more; if the old usage comes back, it counts as still to migrate. Progress
        is migrated services out of affected ones; repositories no service is mapped to are listed, not counted.
      </p>
      <p>
        A team is <em>late</em> when the deadline has passed and some of its services still match. Before the deadline,
        a team is <em>at risk</em> once half the time to it has gone and none of its services has migrated.
      </p>
    </div>
  );
}
