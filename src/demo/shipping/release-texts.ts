/**
 * What the demo platform teams shipped, per capability: feature and fix headlines with a line of notes each.
 * Releases take them in order, so a capability's changelog reads as a product growing up. Data, not logic.
 */
export interface ReleaseText {
  title: string;
  notes: string;
}

export interface CapabilityTexts {
  features: ReleaseText[];
  fixes: ReleaseText[];
}

const t = (title: string, notes: string): ReleaseText => ({ title, notes });

export const RELEASE_TEXTS: Record<string, CapabilityTexts> = {
  'golden-ci': {
    features: [
      t(
        'Remote build cache',
        'Builds reuse outputs from earlier runs on any branch. Typical Node and Go builds take **40 % less time**; nothing to change in your workflow.',
      ),
      t(
        'SBOM for every artifact',
        'Each published image and package now carries a CycloneDX SBOM, attached to the release and queryable in the artifact registry.',
      ),
      t(
        'Signed artifacts with Sigstore',
        'Artifacts are signed keylessly at build time. Verify with `cosign verify` against the `acme/golden-ci` identity.',
      ),
      t(
        'Matrix builds',
        'Declare `matrix:` in `golden-ci.yml` to test several runtime versions in parallel, with one summary check.',
      ),
      t(
        'Flaky test quarantine',
        'Tests that fail and pass on retry are reported on the pull request and can be quarantined with one label.',
      ),
      t(
        'Merge queue support',
        'Golden CI runs on `merge_group` events, so repositories can turn on GitHub merge queues without custom workflows.',
      ),
    ],
    fixes: [
      t(
        'Cache keys for monorepos',
        'Cache keys include the package path, so two packages of a monorepo no longer evict each other.',
      ),
      t(
        'Timeouts on large checkouts',
        'Shallow clones are the default; repositories over 2 GB no longer time out at checkout.',
      ),
      t(
        'Retry on registry 502',
        'Pushes to the artifact registry retry three times with backoff instead of failing the build.',
      ),
    ],
  },
  'jenkins-shared-library': {
    features: [t('Parallel stages helper', 'A `parallelStages` step runs test stages side by side with one summary.')],
    fixes: [
      t('Credential masking', 'Secrets passed to `sh` steps are masked in the console log again.'),
      t(
        'Agent label fallback',
        'Jobs whose agent label is gone fall back to the default pool instead of waiting forever.',
      ),
    ],
  },
  'base-images': {
    features: [
      t(
        'Distroless runtime images',
        'New `acme/base-distroless` images for Go and Java: no shell, 70 % fewer packages to patch.',
      ),
      t(
        'Node 22 images',
        'Node 22 LTS images are available; Node 18 images get security fixes until their end of life.',
      ),
      t(
        'Weekly rebuilds with CVE report',
        'Images are rebuilt every Monday; the release lists the CVEs fixed since the last build.',
      ),
      t('Python 3.13 images', 'Python 3.13 slim images with `uv` preinstalled.'),
    ],
    fixes: [
      t('Time zone data', 'tzdata is current again in the Alpine variants.'),
      t('CA bundle refresh', 'The corporate CA bundle is refreshed; TLS to internal services works from new builds.'),
    ],
  },
  'progressive-delivery': {
    features: [
      t(
        'Automated canary analysis',
        'Canaries are promoted or rolled back from your SLO burn rate, not a fixed timer.',
      ),
      t('Traffic mirroring', 'Mirror a share of production traffic to the new version before any user sees it.'),
      t('Rollout dashboard', 'Each rollout shows its steps, the metrics it checked and who approved it.'),
    ],
    fixes: [
      t(
        'Rollback on missing metrics',
        'A canary with no metrics for five minutes now rolls back instead of being promoted.',
      ),
      t('Helm 3.15 compatibility', 'Rollouts of charts rendered by Helm 3.15 no longer fail validation.'),
    ],
  },
  'secrets-injection': {
    features: [
      t(
        'Secret rotation without restarts',
        'Rotated secrets are written to the mounted file; apps that re-read it need no restart.',
      ),
      t(
        'Per-environment secret paths',
        'Declare `env:`-scoped paths; staging can no longer read production secrets by mistake.',
      ),
      t('Audit trail per secret', 'Every read of a secret is logged with the workload that read it.'),
    ],
    fixes: [t('Sidecar memory leak', 'The injector sidecar no longer grows by 2 MB an hour on long-lived pods.')],
  },
  'service-telemetry': {
    features: [
      t(
        'OpenTelemetry SDK defaults',
        'Traces, metrics and logs are exported with one dependency; service name and team come from the catalog.',
      ),
      t('Trace-to-log links', 'Every log line carries its trace id; open the trace from the log viewer in one click.'),
      t('Tail-based sampling', 'Errors and slow requests are always kept; the rest is sampled at 10 %.'),
      t('Runtime metrics for the JVM and Go', 'GC pauses, heap and goroutines are exported without code changes.'),
    ],
    fixes: [
      t(
        'High-cardinality labels dropped',
        'Labels with user ids are dropped at the collector so dashboards stay fast.',
      ),
      t('Exporter retry storm', 'Exporters back off when the collector is down instead of retrying every second.'),
    ],
  },
  'slo-as-code': {
    features: [
      t('SLOs from a YAML file', 'Declare SLOs next to your code; dashboards and burn-rate alerts are generated.'),
      t('Error budget policy', 'Attach a policy: freeze deploys when less than 10 % of the budget is left.'),
    ],
    fixes: [t('Alert on short windows', 'Burn-rate alerts on 5-minute windows no longer fire on single spikes.')],
  },
  'managed-postgres': {
    features: [
      t('Point-in-time recovery', 'Restore any database to any second of the last 14 days from the portal.'),
      t('Read replicas', 'Add a read replica with one line in `database.yaml`.'),
      t(
        'Connection pooling',
        'PgBouncer in transaction mode in front of every database; up to 5,000 client connections.',
      ),
    ],
    fixes: [t('Failover DNS TTL', 'The primary endpoint moves within 30 seconds after a failover.')],
  },
  'event-streaming': {
    features: [
      t(
        'Schema registry',
        'Topics carry Avro or Protobuf schemas; incompatible producers are refused at publish time.',
      ),
      t('Dead-letter topics', 'Consumers get a dead-letter topic per subscription, with replay from the portal.'),
    ],
    fixes: [t('Consumer lag metric', 'Lag is reported per partition again after the broker upgrade.')],
  },
  'feature-flags': {
    features: [
      t('Percentage rollouts', 'Roll a flag out to a share of users, sticky per user id.'),
      t('Flag cleanup reminders', 'Flags unchanged for 90 days open a pull request that removes them.'),
      t('Targeting by team and tenant', 'Target internal teams and tenants with rules from the catalog.'),
    ],
    fixes: [t('SDK cold start', 'The Node SDK serves defaults while it connects instead of blocking start-up.')],
  },
  'service-templates': {
    features: [
      t('Go and Kotlin templates', 'New service templates with Golden CI, telemetry and secrets wired in.'),
      t(
        'Template updates as pull requests',
        'Services made from a template get a pull request when the template changes.',
      ),
    ],
    fixes: [t('Catalog annotations', 'New services get their `github.com/project-slug` annotation filled in.')],
  },
  'dev-environments': {
    features: [
      t('Cloud dev environments', 'One command gives a dev environment with your service and its dependencies.'),
    ],
    fixes: [t('Port forwarding on VPN', 'Forwarded ports work when the VPN is connected.')],
  },
};

export const DEPRECATION_TEXT: ReleaseText = t(
  'The Jenkins shared library is deprecated',
  [
    'Jenkins goes away at the deadline. Move to the **Golden CI pipeline**: it builds faster, signs what it builds and needs no Jenkins agents.',
    '',
    '### How to migrate',
    '1. Add `.github/workflows/ci.yml` with `uses: acme/golden-ci/.github/workflows/build.yml@v3`.',
    '2. Delete your `Jenkinsfile`.',
    '',
    'Paved finds every repository that still has a `Jenkinsfile` calling `acmeShared`, so your team shows up on the migration page until it is gone.',
  ].join('\n'),
);
