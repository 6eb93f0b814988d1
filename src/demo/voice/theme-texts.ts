/**
 * What customer teams write about each theme, in developers' words (some paraphrased from the hand-written
 * evaluation set of problem suggestions). A title with an optional body.
 */
export type Text = readonly [title: string, body?: string];

export interface ThemeTexts {
  pains: readonly Text[];
  requests: readonly Text[];
  support: readonly Text[];
}

export const THEME_TEXTS: Record<string, ThemeTexts> = {
  'slow-ci': {
    pains: [
      ['builds take forever'],
      [
        'CI is painfully slow',
        'Our pipeline takes 45 min on a good day; people context switch and forget what they pushed.',
      ],
      [
        'waiting 30+ mins for the pipeline to go green',
        'Most of it is npm install and docker build without any cache.',
      ],
      [
        'npm install in every CI job',
        'No dependency cache between jobs, so each job downloads the world. Adds 10 minutes.',
      ],
      ['pipeline duration is killing our velocity', 'PR feedback loop is about an hour.'],
      ['Jenkins agents queue for ages', 'Every build waits behind other teams for a free agent.'],
      ['Android CI builds are super slow', 'Gradle build on the shared runners takes 35 min, 6 locally.'],
      ['slow builds', 'Merging anything takes half a day because of CI.'],
      ['waiting on the pipeline all day', 'Pushed at 10, green at 11. Every time.'],
      ['CI too slow to do small PRs', '40 minutes of pipeline for a one-line change.'],
    ],
    requests: [
      ['remote build cache', 'A gradle/bazel remote cache so CI stops recompiling everything each time.'],
      ['docker layer caching in CI', 'Every run rebuilds the whole image from scratch.'],
      ['faster build agents', 'The shared agents are tiny and always busy.'],
      ['parallelise the test stage in the shared pipeline', 'The template runs everything sequentially.'],
    ],
    support: [
      ['why is our pipeline stuck in pending for 20 min', 'Jobs sit in the queue, no runner picks them up.'],
      ['how do I speed up my jenkins job?', "It's 50 minutes, mostly maven downloading dependencies."],
      ['runners queueing again', 'Our workflows wait 15 minutes before they even start.'],
      ['can we get a bigger runner for the monorepo build?'],
    ],
  },
  'flaky-ci': {
    pains: [
      ['CI red for no reason', 'Rerun and it passes. Nobody trusts the pipeline anymore.'],
      ['flaky tests block merges', 'The e2e suite fails randomly one run in five; we just hit retry.'],
      ['have to re-run pipelines 3 times to get green'],
      ['nondeterministic CI failures eat our mornings'],
      ['random failures in the build', 'npm ERR! network timeouts during install; retriggering fixes it.'],
      ['e2e tests unreliable on CI but fine locally', 'Cypress tests time out on the shared runners.'],
    ],
    requests: [
      ['flaky test report per repository', 'Show which tests failed then passed on retry so we can fix them.'],
      ['auto-quarantine flaky tests'],
    ],
    support: [
      ["job failed with 'connection reset' then passed on retry", 'Is something wrong with the runners?'],
      ['runner disk full, jobs fail randomly', 'No space left on device on some runners.'],
      ['integration tests fail intermittently on CI', 'Testcontainers postgres sometimes does not come up in time.'],
    ],
  },
  'cve-noise': {
    pains: [
      [
        'the vulnerability scanner floods us with CVEs',
        'Hundreds of findings, most in base image packages we do not use.',
      ],
      ['base images are months out of date', 'Critical CVEs sit in our images because nobody rebuilds them.'],
      ['Snyk PR spam', '40 dependency PRs a week per repository.'],
      ['security findings without context', 'Which CVEs actually matter for us?'],
      ['every team patches its own Dockerfiles'],
      ['audit found critical CVEs in our images again'],
    ],
    requests: [
      ['patched base images maintained by the platform', 'Every team patches its own Dockerfiles today.'],
      ['nightly rebuilds of our images when a fix lands'],
    ],
    support: [
      ['how to suppress a false positive vulnerability?'],
      ['Trivy fails the pipeline on an unfixable CVE', 'No fix available but the build is blocked.'],
      ['which base image should we use for python services?'],
    ],
  },
  'log-search': {
    pains: [
      ['logs from prod are hard to query'],
      ['finding the right log line takes ages'],
      ['Kibana is so slow it times out', 'Any query over 24h just spins.'],
      ['debugging prod incidents means digging through logs by hand'],
      ['cannot find the logs for a failed request', 'No request id across services, I grep for an hour.'],
      ['no traces between services', 'We cannot tell which service made a request slow.'],
      ['every team wires its own metrics library'],
    ],
    requests: [
      ['log search across all services', 'Today logs are split per cluster, so we search four places.'],
      ['structured logging with trace ids', 'So we can jump from a trace to its logs.'],
      ['distributed tracing out of the box'],
    ],
    support: [
      ['where are the logs for my cronjob?', 'Pods are gone after they finish and their logs with them.'],
      ['how do I see logs from last week?', 'Retention seems to be 3 days?'],
      ['how do I add a custom metric to our dashboard?'],
    ],
  },
  'slow-deploys': {
    pains: [
      ['deploys to prod are so slow'],
      ['hotfixes take too long to reach production', 'An urgent fix took 2h to get deployed during the last incident.'],
      ['releases are slow', 'From merge to production is 2-3 hours because of the release train.'],
      [
        'we can only ship twice a day',
        'The deployment window plus the manual checks mean a fix waits until the afternoon.',
      ],
      ['deploying to prod takes over an hour', 'The rollout waits on each step with fixed 15 minute pauses.'],
      ['deploy pipeline takes ages after merge'],
    ],
    requests: [
      ['faster rollouts for small changes', 'A one-line config change should not take the full 90 minute deployment.'],
      ['automatic canary analysis instead of fixed pauses'],
    ],
    support: [
      ['argocd sync stuck for 40 minutes', 'The app stays Progressing and the deploy never finishes.'],
      ['deploy stage hangs on waiting for instances'],
      ['can we get an extra deployment window on Friday?'],
    ],
  },
  rollback: {
    pains: [
      ['rollbacks are manual', 'We re-run the old pipeline by hand and hope.'],
      ['reverting a bad deploy took 40 minutes', 'Had to find the previous image tag in the registry.'],
      ['a bad release stays live until someone notices'],
    ],
    requests: [['one-click rollback'], ['roll back automatically when error rates jump']],
    support: [['how do I roll back to the previous version?'], ["helm rollback fails with 'no revision'"]],
  },
  'secrets-rotation': {
    pains: [
      ['rotating db passwords is manual and scary', 'Every 90 days someone copies new credentials into 6 places.'],
      ['credential rotation broke prod again', 'Rotated the payment provider key, forgot one consumer, outage.'],
      ['secrets are shared on Slack', 'People paste API keys in DMs because getting them into vault is too hard.'],
      ['managing env secrets across environments is painful', 'Copying .env values from staging to prod by hand.'],
      ['nobody knows which credentials are still used'],
      ['expired service account key took down our batch'],
    ],
    requests: [
      ['one place to manage secrets', 'Secrets live in vault, in the cloud secrets manager and in CI variables.'],
      ['automatic secret rotation', 'Rotate our service credentials and restart pods without us.'],
      ['self-service secret creation', 'Today we open a ticket for the security team to add a secret.'],
    ],
    support: [
      [
        'how do I get a secret into my k8s deployment?',
        'Sealed secrets, vault agent or external-secrets? The docs disagree.',
      ],
      ['vault token keeps expiring in my pod', 'The app loses access to vault after 24h.'],
      ['please add a new secret for the partner API'],
    ],
  },
  'db-provisioning': {
    pains: [
      ['getting a new postgres database takes 2 weeks', 'A ticket to the DBA team, then waiting.'],
      ['we wait weeks for a database'],
      ['spinning up a db for a prototype is impossible', 'By the time the database arrives the experiment is over.'],
      ['DB requests stuck in the ticket queue'],
      ['no point-in-time recovery on our database', 'Restoring last night’s backup lost a day of orders.'],
    ],
    requests: [
      ['Postgres as a service', 'Let teams create and own databases without the DBA bottleneck.'],
      ['on-demand dev databases', 'A throwaway postgres per branch for testing migrations.'],
      ['self-service database provisioning'],
    ],
    support: [
      ['requesting a postgres instance for a new service', "What's the process? Who approves?"],
      ['need a read replica for reporting'],
      ['how long does a new database take?'],
      ['please increase storage on our database', 'We are at 92% disk.'],
    ],
  },
  'feature-flags': {
    pains: [
      ["can't turn off a feature without an app release", 'We need remote toggles.'],
      ['dark launching is impossible today'],
      ['our home-made toggles live in config files', 'Flipping one means a redeploy.'],
      ['a half-finished feature blocks the release branch'],
    ],
    requests: [
      ['feature flag service', 'We build our own toggles and redeploy to flip them.'],
      ['percentage rollouts for new features'],
      ['a/b testing and feature toggles as a platform capability'],
    ],
    support: [['how do we toggle a feature per customer?'], ['can you flip the config flag for checkout v2 in prod?']],
  },
  'new-service-setup': {
    pains: [
      ['starting a new service takes two weeks', 'CI, deploy files, dashboards and the catalog entry, all by hand.'],
      ['we copy boilerplate from an old repository for every new service'],
      ['every new repo has a slightly different pipeline'],
      ['new services ship without telemetry or alerts', 'Nobody remembers all the steps.'],
    ],
    requests: [
      ['a template for new services', 'With CI, telemetry and the catalog entry already in place.'],
      ['create a new service from the developer portal'],
    ],
    support: [
      ['what do I need to set up for a new service?'],
      ['please create the deploy config for our new service'],
      ['new repository needs to be added to CI and the catalog'],
    ],
  },
  'local-dev-setup': {
    pains: [
      ['new joiners need 3 days to get a working dev environment'],
      ["can't run the service locally", 'It needs 12 other services and a kafka; our laptops melt.'],
      ['local env drifts from staging all the time'],
      ['onboarding a dev takes forever', 'Cloning 20 repos and running make setup never works the first time.'],
      ['docker compose setup is broken on arm macs', 'Half the images have no arm64 build.'],
      [
        'setting up my machine took a week',
        'VPN, certs, registry credentials, node version: nobody has the full list.',
      ],
    ],
    requests: [
      ['devcontainers for our repositories', 'A one-click local environment that matches CI.'],
      ['make local dev match prod', "Lots of 'works on my machine' bugs."],
      ['cloud dev environments for big services'],
    ],
    support: [
      ['local setup script fails on a fresh laptop', 'The brew install step errors out; the readme is outdated.'],
      ['make dev-up fails with port already in use'],
    ],
  },
  'alert-fatigue': {
    pains: [
      ['too many alerts, we ignore them now'],
      ['noisy default alerts from the platform', 'The CPU > 80% alert fires all day on every service.'],
      ['on-call gets paged for nothing', '80% of pages at night are not actionable.'],
      ['woken up at 3am by a disk alert that auto-resolves'],
      ['alert fatigue is real', 'Our alert channel has hundreds of messages a day; nobody reads it.'],
    ],
    requests: [
      ['alert deduplication', 'One incident triggers 40 pages.'],
      ['let teams tune alert thresholds'],
      ['alert on SLO burn rate instead of CPU'],
    ],
    support: [['how to silence platform alerts for my namespace?']],
  },
  'preview-envs': {
    pains: [
      ['we fight over the one staging env', 'Someone deploys over our branch and QA tests the wrong thing.'],
      ['no way to test a branch end-to-end before merging'],
      ['staging is shared by 12 teams and always broken by someone'],
      ['product managers can only see changes after release'],
    ],
    requests: [
      ['preview environment per pull request', 'So designers and PMs can click through changes before merge.'],
      ['ephemeral test environments'],
      ['review apps like heroku had'],
    ],
    support: [['can we get our own staging namespace?', 'The shared one is occupied by another team for days.']],
  },
  'prod-access': {
    pains: [
      ['getting prod access takes days', 'Three approvals for read-only logs.'],
      ['IAM permission requests are a black hole', 'Opened a ticket for a bucket policy two weeks ago.'],
      ['RBAC is a maze', 'Nobody knows which group gives which permission.'],
      ['on-call engineers lack kubectl access in prod', 'During incidents we wait for someone with the right role.'],
      ['access requests go through a spreadsheet'],
    ],
    requests: [
      ['self-service role requests', 'Request a role in the portal, approved by the team lead, done.'],
      ['just-in-time access to production', 'Temporary elevated access that expires by itself.'],
    ],
    support: [
      ['permission denied on the prod namespace', "I'm on the team but kubectl says forbidden."],
      ['who can grant me access to the cloud account?'],
      ['new team member needs production read access'],
    ],
  },
  'cost-visibility': {
    pains: [
      ['no cost visibility', "Finance asks us to cut spend but we can't see where it goes."],
      ['surprise cloud bill for our batch jobs', 'Found out a month later.'],
      ['we have no idea what our services cost'],
    ],
    requests: [
      ['show cloud cost per team'],
      ['cost dashboard per service'],
      ['budget alerts per namespace', 'Tell us when spend jumps.'],
    ],
    support: [['how much does our data warehouse usage cost?']],
  },
  'oom-limits': {
    pains: [
      ['no idea what memory limits to set', 'We guess requests and limits and either waste money or get killed.'],
      ['pods get OOMKilled after deploy', 'The default memory limit is 512Mi and our JVM needs more.'],
      ['k8s memory limits are a guessing game'],
      ['node memory pressure evicts our pods'],
    ],
    requests: [['recommend resource limits from actual usage', 'Like VPA suggestions shown per service.']],
    support: [
      ['pod evicted - what are the right requests and limits?'],
      ['my pod keeps restarting with exit code 137'],
    ],
  },
  'outdated-docs': {
    pains: [
      ['platform docs are outdated', "Half the commands in the getting started guide don't work anymore."],
      ["can't find the docs for the deploy tooling", 'The wiki, three readmes, all different.'],
      ['documentation is stale and contradicting'],
      ['nobody owns the platform documentation', "We find outdated pages and don't know whom to tell."],
    ],
    requests: [['docs next to the code, versioned', 'Wiki pages rot; put the docs in the repository.']],
    support: [['is this runbook still valid?', 'It references a cluster that was decommissioned.']],
  },
  'cert-expiry': {
    pains: [
      ['TLS certificate expired in prod, again', 'Nobody got warned, customers saw browser errors.'],
      ['we track certificate expiry dates in a spreadsheet'],
      ['internal API certificate expired', 'Services failed with x509: certificate has expired.'],
    ],
    requests: [
      ['automatic certificate renewal'],
      ['alert before certificates expire', '30 days warning would save an incident.'],
    ],
    support: [['how do I renew the wildcard certificate?']],
  },
};
