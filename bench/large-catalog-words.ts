/** Word lists for the benchmark catalog: what a large company's departments, teams and services are called. */

/** 49 departments; the generator adds platform-engineering as the 50th. */
export const DEPARTMENTS = [
  'commerce', 'payments', 'finance', 'fulfillment', 'logistics', 'identity', 'marketing', 'growth', 'data', 'analytics',
  'search', 'content', 'mobile', 'web', 'customer-care', 'risk', 'compliance', 'security', 'merchandising', 'pricing',
  'supply-chain', 'procurement', 'people-tech', 'legal-tech', 'travel', 'insurance', 'lending', 'banking', 'media', 'ads',
  'messaging', 'partners', 'marketplace', 'sellers', 'loyalty', 'subscriptions', 'billing', 'tax', 'accounting', 'treasury',
  'crm', 'sales', 'trust-safety', 'machine-learning', 'recommendations', 'experimentation', 'devices', 'maps', 'retail-stores',
] as const;

/** What a team inside a department focuses on: department + focus is the team's name (payments-reconciliation). */
export const TEAM_FOCUS = [
  'core', 'api', 'platform', 'checkout', 'ledger', 'onboarding', 'reporting', 'integrations', 'mobile', 'web',
  'backoffice', 'automation', 'insights', 'operations', 'experience', 'discovery', 'quality', 'reliability', 'tooling', 'data',
  'events', 'workflows', 'accounts', 'notifications', 'search', 'catalog', 'orders', 'contracts', 'forecasting', 'routing',
  'scheduling', 'pricing', 'rules', 'models', 'signals', 'growth', 'retention', 'activation', 'admin', 'partners',
  'sync', 'gateway', 'ingestion', 'storage', 'billing', 'compliance', 'localization', 'identity', 'audit', 'connectors',
] as const;

/** Business nouns services are named after. */
export const SERVICE_NOUNS = [
  'account', 'address', 'invoice', 'payment', 'refund', 'order', 'cart', 'basket', 'product', 'price',
  'coupon', 'voucher', 'promotion', 'shipment', 'parcel', 'carrier', 'label', 'warehouse', 'stock', 'inventory',
  'reservation', 'booking', 'ticket', 'customer', 'profile', 'session', 'token', 'consent', 'preference', 'review',
  'rating', 'question', 'recommendation', 'ranking', 'listing', 'seller', 'merchant', 'partner', 'supplier', 'contract',
  'ledger', 'journal', 'balance', 'payout', 'settlement', 'chargeback', 'dispute', 'fraud', 'risk', 'limit',
  'loan', 'policy', 'claim', 'quote', 'premium', 'subscription', 'plan', 'entitlement', 'license', 'usage',
  'meter', 'report', 'dashboard', 'metric', 'event', 'audit', 'document', 'attachment', 'media', 'image',
  'video', 'thumbnail', 'banner', 'campaign', 'audience', 'segment', 'newsletter', 'email', 'sms', 'push',
  'notification', 'message', 'chat', 'conversation', 'case', 'survey', 'feedback', 'experiment', 'feature', 'flag',
  'config', 'schedule', 'calendar', 'shift', 'route', 'map', 'location', 'store', 'device', 'sensor',
  'firmware', 'catalog', 'taxonomy', 'category', 'brand', 'attribute', 'translation', 'currency', 'tax', 'vat',
  'receipt', 'wallet', 'card', 'bank', 'transfer', 'statement', 'identity', 'login', 'password', 'permission',
] as const;

export const QUALIFIERS = [
  'core', 'ingest', 'export', 'import', 'sync', 'search', 'lookup', 'history', 'status', 'routing',
  'rules', 'pricing', 'scoring', 'matching', 'validation', 'enrichment', 'reconcile', 'batch', 'stream', 'realtime',
  'admin', 'public', 'internal', 'partner', 'mobile', 'legacy', 'archive', 'cache', 'index', 'query',
  'command', 'events', 'analytics', 'billing', 'audit', 'media', 'render', 'preview', 'notify', 'scheduler',
] as const;

export const ROLES = [
  { name: 'api', description: 'the HTTP API' },
  { name: 'service', description: 'the backend service' },
  { name: 'worker', description: 'background jobs' },
  { name: 'consumer', description: 'a Kafka consumer' },
  { name: 'producer', description: 'publishes domain events' },
  { name: 'gateway', description: 'the edge gateway' },
  { name: 'bff', description: 'the backend for the front end' },
  { name: 'web', description: 'the web front end' },
  { name: 'ui', description: 'the internal user interface' },
  { name: 'sdk', description: 'the client library' },
  { name: 'lib', description: 'a shared library' },
  { name: 'cron', description: 'scheduled jobs' },
  { name: 'etl', description: 'the data pipeline' },
  { name: 'grpc', description: 'the gRPC service' },
  { name: 'adapter', description: 'an adapter to an outside system' },
  { name: 'store', description: 'the storage service' },
] as const;

export const ACRONYMS = new Set(['api', 'sdk', 'ui', 'bff', 'etl', 'grpc', 'sms', 'vat', 'crm', 'sso', 'ci', 'cd', 'cdn', 'mfa', 'slo', 'sbom', 'iam']);

export const CAPABILITY_THEMES = [
  { name: 'golden-ci', category: 'ci', description: 'Reusable CI workflow with caching, SBOM and signed artifacts.', files: '.github/workflows/*.yml', pattern: 'uses:\\s*acme/golden-ci/' },
  { name: 'base-images', category: 'security', description: 'Minimal, patched and signed container base images.', files: '**/Dockerfile', pattern: '^FROM\\s+acme/base-' },
  { name: 'service-template', category: 'scaffolding', description: 'The paved-road service template with everything wired in.', files: '.template-version', pattern: 'service-template' },
  { name: 'feature-flags', category: 'delivery', description: 'Feature flags with gradual rollouts and kill switches.', files: 'package.json', pattern: '"@acme/flags"' },
  { name: 'secrets-manager', category: 'security', description: 'Secrets injected at runtime, rotated automatically.', files: 'deploy/*.yaml', pattern: 'secrets\\.acme\\.example' },
  { name: 'observability-sdk', category: 'observability', description: 'Traces, metrics and logs with one library.', files: 'go.mod', pattern: 'acme/telemetry' },
  { name: 'log-pipeline', category: 'observability', description: 'Structured logs shipped, parsed and retained.', files: 'deploy/*.yaml', pattern: 'log-pipeline:\\s*enabled' },
  { name: 'slo-dashboards', category: 'observability', description: 'SLOs with error budgets and burn-rate alerts.', files: 'slo.yaml', pattern: 'objective:' },
  { name: 'service-mesh', category: 'networking', description: 'mTLS, retries and traffic shifting between services.', files: 'deploy/*.yaml', pattern: 'mesh\\.acme\\.example/inject' },
  { name: 'api-gateway', category: 'networking', description: 'Public API exposure with auth, quotas and docs.', files: 'gateway.yaml', pattern: 'routes:' },
  { name: 'deploy-pipeline', category: 'delivery', description: 'Progressive delivery to production with automatic rollback.', files: '.github/workflows/*.yml', pattern: 'uses:\\s*acme/deploy/' },
  { name: 'preview-environments', category: 'delivery', description: 'A full environment for every pull request.', files: '.preview.yaml', pattern: 'enabled:\\s*true' },
  { name: 'managed-postgres', category: 'data', description: 'PostgreSQL with backups, failover and upgrades handled.', files: 'deploy/*.yaml', pattern: 'kind:\\s*ManagedPostgres' },
  { name: 'managed-kafka', category: 'data', description: 'Kafka topics with schemas, quotas and retention.', files: 'topics/*.yaml', pattern: 'partitions:' },
  { name: 'object-storage', category: 'data', description: 'Buckets with lifecycle rules and encryption by default.', files: 'deploy/*.yaml', pattern: 'kind:\\s*Bucket' },
  { name: 'redis-cache', category: 'data', description: 'Managed Redis with eviction policies and metrics.', files: 'deploy/*.yaml', pattern: 'kind:\\s*RedisCache' },
  { name: 'search-cluster', category: 'data', description: 'Managed search indices with reindexing tools.', files: 'deploy/*.yaml', pattern: 'kind:\\s*SearchIndex' },
  { name: 'data-contracts', category: 'data', description: 'Versioned event schemas checked in CI.', files: 'contracts/*.avsc', pattern: '"namespace"' },
  { name: 'batch-jobs', category: 'compute', description: 'Scheduled jobs with retries, alerts and history.', files: 'jobs/*.yaml', pattern: 'schedule:' },
  { name: 'kubernetes-runtime', category: 'compute', description: 'The shared Kubernetes runtime with sane defaults.', files: 'deploy/*.yaml', pattern: 'kind:\\s*Deployment' },
  { name: 'serverless-functions', category: 'compute', description: 'Functions deployed from a repository in minutes.', files: 'functions.yaml', pattern: 'runtime:' },
  { name: 'gpu-pool', category: 'compute', description: 'Shared GPUs for training and inference.', files: 'deploy/*.yaml', pattern: 'acme\\.example/gpu' },
  { name: 'dependency-updates', category: 'security', description: 'Automatic dependency update pull requests, grouped.', files: 'renovate.json', pattern: 'acme/renovate-config' },
  { name: 'sbom-scanning', category: 'security', description: 'SBOMs and vulnerability scans on every build.', files: '.github/workflows/*.yml', pattern: 'uses:\\s*acme/sbom-scan/' },
  { name: 'sso-proxy', category: 'security', description: 'Single sign-on in front of internal tools.', files: 'deploy/*.yaml', pattern: 'sso-proxy:\\s*enabled' },
  { name: 'iam-roles', category: 'security', description: 'Least-privilege cloud roles generated from a manifest.', files: 'iam.yaml', pattern: 'roles:' },
  { name: 'waf-rules', category: 'security', description: 'Managed web application firewall rules.', files: 'waf.yaml', pattern: 'ruleset:' },
  { name: 'cdn-edge', category: 'networking', description: 'CDN caching and edge rules for web front ends.', files: 'cdn.yaml', pattern: 'origin:' },
  { name: 'dns-certificates', category: 'networking', description: 'DNS records and TLS certificates as code.', files: 'dns.yaml', pattern: 'records:' },
  { name: 'rate-limiter', category: 'networking', description: 'Distributed rate limits as a library.', files: 'package.json', pattern: '"@acme/rate-limit"' },
  { name: 'grpc-toolkit', category: 'frameworks', description: 'gRPC code generation, interceptors and health checks.', files: 'buf.gen.yaml', pattern: 'acme' },
  { name: 'web-framework', category: 'frameworks', description: 'The front-end framework with the design system wired in.', files: 'package.json', pattern: '"@acme/web-kit"' },
  { name: 'design-system', category: 'frameworks', description: 'Accessible UI components with the brand built in.', files: 'package.json', pattern: '"@acme/design-system"' },
  { name: 'mobile-toolkit', category: 'frameworks', description: 'Shared mobile build, release and crash reporting.', files: 'fastlane/Fastfile', pattern: 'acme_release' },
  { name: 'http-client', category: 'frameworks', description: 'A resilient HTTP client with retries and tracing.', files: 'pom.xml', pattern: '<artifactId>acme-http</artifactId>' },
  { name: 'config-service', category: 'delivery', description: 'Runtime configuration with audit and rollback.', files: 'config/*.yaml', pattern: 'acme-config' },
  { name: 'release-notes', category: 'delivery', description: 'Release notes generated from pull requests.', files: '.github/release.yml', pattern: 'categories:' },
  { name: 'load-testing', category: 'quality', description: 'Load tests on demand against a production-like stack.', files: 'load/*.js', pattern: 'acme/k6' },
  { name: 'contract-testing', category: 'quality', description: 'Consumer-driven contract tests between services.', files: 'pacts/*.json', pattern: '"consumer"' },
  { name: 'test-environments', category: 'quality', description: 'Shared staging with seeded data.', files: 'staging.yaml', pattern: 'seed:' },
  { name: 'code-quality', category: 'quality', description: 'Linters and coverage gates with one config.', files: '.github/workflows/*.yml', pattern: 'uses:\\s*acme/quality/' },
  { name: 'incident-tooling', category: 'reliability', description: 'Incident channels, roles and timelines in one command.', files: 'runbook.md', pattern: 'incident' },
  { name: 'on-call-rotations', category: 'reliability', description: 'Paging schedules synced from team membership.', files: 'oncall.yaml', pattern: 'schedule:' },
  { name: 'chaos-experiments', category: 'reliability', description: 'Scheduled fault injection with guard rails.', files: 'chaos/*.yaml', pattern: 'experiment:' },
  { name: 'backup-restore', category: 'reliability', description: 'Backups verified by regular restores.', files: 'backup.yaml', pattern: 'restoreTest:' },
  { name: 'cost-reports', category: 'finops', description: 'Cloud cost per service and team, monthly.', files: 'deploy/*.yaml', pattern: 'cost-center:' },
  { name: 'autoscaling', category: 'compute', description: 'Autoscaling on queue depth and latency.', files: 'deploy/*.yaml', pattern: 'kind:\\s*ScaledObject' },
  { name: 'ml-platform', category: 'data', description: 'Training pipelines, a model registry and serving.', files: 'ml.yaml', pattern: 'model:' },
  { name: 'workflow-engine', category: 'compute', description: 'Durable workflows with retries and visibility.', files: 'package.json', pattern: '"@acme/workflows"' },
  { name: 'developer-portal-docs', category: 'docs', description: 'Docs as code, published next to the catalog.', files: 'mkdocs.yml', pattern: 'site_name:' },
] as const;

export const FIRST_NAMES = [
  'alex', 'sam', 'maria', 'lena', 'jonas', 'priya', 'chen', 'ana', 'tom', 'fatima', 'noah', 'emma', 'liam', 'olivia', 'yuki',
  'mateo', 'sofia', 'ivan', 'nina', 'omar', 'leila', 'kofi', 'amara', 'hugo', 'clara', 'diego', 'ines', 'raj', 'mei', 'ben',
] as const;

export const LAST_NAMES = [
  'smith', 'garcia', 'muller', 'rossi', 'dubois', 'kowalski', 'nguyen', 'kim', 'sato', 'silva', 'jensen', 'novak', 'ali', 'khan',
  'okafor', 'mensah', 'fischer', 'weber', 'martin', 'lopez', 'costa', 'ivanova', 'haddad', 'cohen', 'berg', 'larsen', 'tanaka',
] as const;
