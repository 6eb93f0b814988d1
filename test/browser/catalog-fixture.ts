import type { CatalogFile } from '../../src/modules/catalog/entity.js';

/**
 * A small hand-written catalog: one customer team (payments) with a member, one platform team (platform-ci)
 * owning two capabilities, and three services, one of them pointing at a team that does not exist.
 * Expected headline numbers: 1 customer team, 1 platform team, 3 services, 2 capabilities.
 */
export const catalogFiles: CatalogFile[] = [
  {
    path: 'teams.yaml',
    content: `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments
  title: Payments
  description: Takes the money.
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: platform-ci
  title: Platform CI
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: alice
spec:
  profile: { displayName: Alice Example, email: alice@example.com }
  memberOf: [payments]
`,
  },
  {
    path: 'services.yaml',
    content: `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ledger
  title: Ledger
  description: Double-entry bookkeeping for every payment.
  annotations:
    github.com/project-slug: acme/ledger
    pagerduty.com/service-id: PLEDGER1
spec: { type: service, lifecycle: production, owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  title: Checkout
spec: { type: website, lifecycle: production, owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: legacy-batch
spec: { type: service, lifecycle: deprecated, owner: ghost-team }
`,
  },
  {
    path: 'capabilities.yaml',
    content: `apiVersion: paved.dev/v1alpha1
kind: Capability
metadata:
  name: golden-ci
  title: Golden CI pipeline
  description: Reusable CI workflow with caching, SBOM and signed artifacts.
spec:
  owner: group:default/platform-ci
  lifecycle: ga
  category: ci
  gaDate: 2025-03-01
  docs: https://docs.example.com/golden-ci
  detect:
    - files: ".github/workflows/*.yml"
      pattern: "uses:\\\\s*acme/golden-ci/"
---
apiVersion: paved.dev/v1alpha1
kind: Capability
metadata:
  name: telemetry-sdk
  title: Telemetry SDK
  description: Traces and metrics with one import.
spec:
  owner: platform-ci
  lifecycle: beta
  category: observability
  detect:
    - dependency: { ecosystem: npm, name: "@acme/telemetry" }
`,
  },
];
