/** How migration is measured, in plain words: nobody reports it, the repositories do. */
export function MeasuredHow() {
  return (
    <div className="small muted migration-help">
      <p>
        <strong>How migration is measured.</strong> Nobody reports it: the repositories do. A service is{' '}
        <em>affected</em> when its repository used the old thing on the day of the release: it matched the release’s
        rules (or, when it names none, the capability’s own detection rules), at the first scan after the release. It
        has <em>migrated</em> at the first scan at which none of its repositories match any more; if the old usage comes
        back, it counts as still to migrate. Progress is migrated services out of affected ones.
      </p>
      <p>
        A team is <em>late</em> when the deadline has passed and some of its services still match. Before the deadline,
        a team is <em>at risk</em> once half the time to it has gone and none of its services has migrated.
      </p>
    </div>
  );
}
