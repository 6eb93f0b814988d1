/**
 * The fixed shape of the demo organisation: departments, their systems and teams, and the word lists the
 * generator draws from. The seed decides sizes, people and services; this file decides what the company does.
 */

export interface TeamSpec {
  name: string;
  title: string;
  /** Business nouns the team's service names are built from; the first one names its core service. */
  nouns: readonly string[];
}

export interface SystemSpec {
  name: string;
  title: string;
  description: string;
  teams: readonly TeamSpec[];
}

export interface DepartmentSpec {
  name: string;
  title: string;
  domain: { name: string; title: string; description: string };
  systems: readonly SystemSpec[];
}

const team = (name: string, title: string, nouns: readonly string[]): TeamSpec => ({ name, title, nouns });

/** The five customer departments, thirty teams in all. */
export const CUSTOMER_DEPARTMENTS: readonly DepartmentSpec[] = [
  {
    name: 'commerce',
    title: 'Commerce',
    domain: {
      name: 'commerce',
      title: 'Commerce',
      description: 'Everything a shopper does, from finding a product to placing an order.',
    },
    systems: [
      {
        name: 'storefront',
        title: 'Storefront',
        description: 'The shop customers browse: pages, search and the product catalog.',
        teams: [
          team('web-storefront', 'Web Storefront', ['storefront', 'product-page', 'homepage', 'navigation']),
          team('search', 'Search', ['search', 'autocomplete', 'search-ranking', 'synonyms']),
          team('catalog', 'Catalog', ['catalog', 'product-content', 'taxonomy', 'product-media']),
        ],
      },
      {
        name: 'order-capture',
        title: 'Order Capture',
        description: 'Cart, prices, promotions and checkout up to a placed order.',
        teams: [
          team('checkout', 'Checkout', ['checkout', 'checkout-session', 'address-validation', 'order-intake']),
          team('cart', 'Cart', ['cart', 'wishlist', 'saved-items']),
          team('pricing', 'Pricing', ['pricing', 'price-rules', 'currency']),
          team('promotions', 'Promotions', ['promotions', 'coupons', 'vouchers', 'campaign-rules']),
        ],
      },
    ],
  },
  {
    name: 'finance',
    title: 'Payments & Finance',
    domain: { name: 'finance', title: 'Finance', description: 'Money in, money out, and the books that prove it.' },
    systems: [
      {
        name: 'payments',
        title: 'Payments',
        description: 'Authorising, capturing and paying out money, and keeping fraud out.',
        teams: [
          team('payments', 'Payments', ['payments', 'payment-methods', 'card-vault', 'payment-routing']),
          team('fraud', 'Fraud', ['fraud', 'risk-scoring', 'chargebacks', 'device-fingerprint']),
          team('payouts', 'Payouts', ['payouts', 'settlements', 'merchant-balance']),
        ],
      },
      {
        name: 'accounting',
        title: 'Accounting',
        description: 'The ledger, invoices, subscriptions and tax.',
        teams: [
          team('ledger', 'Ledger', ['ledger', 'journal', 'reconciliation']),
          team('billing', 'Billing', ['billing', 'invoices', 'subscriptions', 'dunning']),
          team('tax', 'Tax', ['tax', 'tax-rates', 'vat-reporting']),
        ],
      },
    ],
  },
  {
    name: 'fulfillment',
    title: 'Fulfillment & Logistics',
    domain: {
      name: 'fulfillment',
      title: 'Fulfillment',
      description: "Getting a placed order into the customer's hands, and back.",
    },
    systems: [
      {
        name: 'order-fulfillment',
        title: 'Order Fulfillment',
        description: 'Orders, stock and the warehouse floor.',
        teams: [
          team('orders', 'Orders', ['orders', 'order-status', 'order-history', 'order-routing']),
          team('inventory', 'Inventory', ['inventory', 'stock-levels', 'reservations', 'replenishment']),
          team('warehouse', 'Warehouse', ['warehouse', 'picking', 'packing', 'slotting']),
        ],
      },
      {
        name: 'delivery',
        title: 'Delivery',
        description: 'Carriers, labels, parcel tracking and returns.',
        teams: [
          team('shipping', 'Shipping', ['shipping', 'shipping-rates', 'labels', 'carriers']),
          team('tracking', 'Tracking', ['tracking', 'delivery-events', 'delivery-eta']),
          team('returns', 'Returns', ['returns', 'refund-intake', 'return-labels']),
        ],
      },
    ],
  },
  {
    name: 'customer',
    title: 'Customer Experience',
    domain: {
      name: 'customer',
      title: 'Customer',
      description: 'Who the customer is and how we stay in touch with them.',
    },
    systems: [
      {
        name: 'customer-identity',
        title: 'Customer Identity',
        description: 'Sign-in, sessions and customer accounts.',
        teams: [
          team('identity', 'Identity', ['identity', 'login', 'sessions', 'mfa']),
          team('accounts', 'Accounts', ['accounts', 'profiles', 'addresses', 'preferences']),
        ],
      },
      {
        name: 'engagement',
        title: 'Engagement',
        description: 'Messages, loyalty and reviews that bring customers back.',
        teams: [
          team('notifications', 'Notifications', ['notifications', 'email-delivery', 'push', 'sms']),
          team('loyalty', 'Loyalty', ['loyalty', 'rewards', 'points', 'referrals']),
          team('reviews', 'Reviews', ['reviews', 'ratings', 'product-questions']),
        ],
      },
      {
        name: 'customer-care',
        title: 'Customer Care',
        description: 'Tools for the support agents who help customers.',
        teams: [team('support-tools', 'Support Tools', ['support-console', 'tickets', 'live-chat', 'help-center'])],
      },
    ],
  },
  {
    name: 'growth',
    title: 'Data & Growth',
    domain: { name: 'growth', title: 'Growth', description: 'Personalization, marketing and the data behind them.' },
    systems: [
      {
        name: 'personalization',
        title: 'Personalization',
        description: 'Recommendations and experiments.',
        teams: [
          team('recommendations', 'Recommendations', ['recommendations', 'similar-items', 'trending']),
          team('experimentation', 'Experimentation', ['experiments', 'assignments', 'experiment-metrics']),
        ],
      },
      {
        name: 'marketing',
        title: 'Marketing',
        description: 'Campaigns, audiences and site content.',
        teams: [
          team('marketing-automation', 'Marketing Automation', [
            'campaigns',
            'audiences',
            'newsletters',
            'attribution',
          ]),
          team('content', 'Content', ['cms', 'landing-pages', 'banners', 'seo']),
        ],
      },
      {
        name: 'analytics',
        title: 'Analytics',
        description: 'Clickstream collection and business reporting.',
        teams: [team('analytics', 'Analytics', ['clickstream', 'reporting', 'dashboards', 'data-export'])],
      },
    ],
  },
];

export interface PlatformTeamSpec {
  name: string;
  title: string;
  /** The team's own internal services: [name, type, description]. */
  services: readonly (readonly [string, 'service' | 'website' | 'library', string])[];
}

export const PLATFORM_DEPARTMENT = {
  name: 'platform-engineering',
  title: 'Platform Engineering',
  domain: { name: 'platform', title: 'Platform', description: 'The internal platform product teams build on.' },
  system: {
    name: 'developer-platform',
    title: 'Developer Platform',
    description: 'Services that run the internal platform itself.',
  },
} as const;

export const PLATFORM_TEAMS: readonly PlatformTeamSpec[] = [
  {
    name: 'platform-ci',
    title: 'Platform CI',
    services: [
      ['ci-runner-autoscaler', 'service', 'Scales self-hosted CI runners with the queue.'],
      ['build-cache', 'service', 'Remote build and dependency cache shared by all pipelines.'],
    ],
  },
  {
    name: 'platform-runtime',
    title: 'Platform Runtime',
    services: [
      ['rollout-controller', 'service', 'Kubernetes controller behind AcmeRollout progressive delivery.'],
      ['base-image-builder', 'service', 'Rebuilds and signs the acme/base-* container images nightly.'],
      ['secrets-injector', 'service', 'Admission webhook that injects secrets into pods.'],
    ],
  },
  {
    name: 'platform-observability',
    title: 'Platform Observability',
    services: [
      ['telemetry-collector', 'service', 'OpenTelemetry collector fleet for traces, metrics and logs.'],
      ['slo-exporter', 'service', 'Computes SLO burn rates from service-level objectives as code.'],
      ['alert-router', 'service', "Routes alerts to the owning team's on-call rotation."],
    ],
  },
  {
    name: 'platform-data',
    title: 'Platform Data',
    services: [
      ['postgres-operator', 'service', 'Provisions and backs up managed PostgreSQL clusters.'],
      ['schema-registry', 'service', 'Registry of event schemas with compatibility checks.'],
    ],
  },
  {
    name: 'platform-devex',
    title: 'Platform Developer Experience',
    services: [
      ['developer-portal', 'website', 'The internal developer portal and software catalog.'],
      ['feature-flag-service', 'service', 'Evaluates feature flags for the acme feature-flags SDKs.'],
      ['service-templates', 'library', 'Copier templates for new services.'],
    ],
  },
];

/** Service-name endings by component type, with how each reads in a description. */
export const NAME_SUFFIXES: Readonly<
  Record<'service' | 'website' | 'library', readonly (readonly [string, string])[]>
> = {
  service: [
    ['service', 'Core service for {noun}.'],
    ['api', 'HTTP API for {noun}.'],
    ['worker', 'Background worker processing {noun} jobs.'],
    ['consumer', 'Consumes {noun} events from the event bus.'],
    ['scheduler', 'Schedules recurring {noun} tasks.'],
    ['gateway', 'Gateway in front of the {noun} backends.'],
    ['sync', 'Keeps {noun} data in sync with downstream systems.'],
    ['engine', 'Rules engine for {noun}.'],
    ['processor', 'Stream processor for {noun}.'],
    ['adapter', 'Adapter between {noun} and third-party providers.'],
    ['grpc', 'gRPC service for {noun}.'],
  ],
  website: [
    ['web', 'Customer-facing web app for {noun}.'],
    ['admin', 'Internal admin UI for {noun}.'],
    ['ui', 'Micro-frontend for {noun}.'],
    ['dashboard', 'Operations dashboard for {noun}.'],
  ],
  library: [
    ['sdk', 'Client SDK for {noun}.'],
    ['client', 'Typed client for the {noun} API.'],
    ['schemas', 'Shared {noun} event and API schemas.'],
    ['common', 'Shared {noun} domain code.'],
  ],
};

export const FIRST_NAMES: readonly string[] = [
  'Aisha',
  'Alex',
  'Amara',
  'Ana',
  'Andrei',
  'Anika',
  'Ben',
  'Bruno',
  'Camille',
  'Carlos',
  'Chen',
  'Chloe',
  'Daniel',
  'Deepa',
  'Diego',
  'Elena',
  'Emeka',
  'Emma',
  'Fatima',
  'Felix',
  'Freya',
  'Gabriel',
  'Hana',
  'Hugo',
  'Ines',
  'Ivan',
  'Jamal',
  'Jana',
  'Jonas',
  'Julia',
  'Kai',
  'Kenji',
  'Lara',
  'Leila',
  'Liam',
  'Lucia',
  'Maya',
  'Mateo',
  'Mei',
  'Nadia',
  'Nikhil',
  'Noah',
  'Olga',
  'Omar',
  'Priya',
  'Rafael',
  'Rosa',
  'Sam',
  'Sara',
  'Sofia',
  'Tariq',
  'Thea',
  'Tomas',
  'Uma',
  'Victor',
  'Wen',
  'Yara',
  'Yusuf',
  'Zoe',
  'Zofia',
];

export const LAST_NAMES: readonly string[] = [
  'Abara',
  'Adeyemi',
  'Alvarez',
  'Andersen',
  'Bauer',
  'Becker',
  'Bianchi',
  'Brennan',
  'Castro',
  'Chowdhury',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Fontaine',
  'Garcia',
  'Haddad',
  'Hansen',
  'Ito',
  'Jansen',
  'Kapoor',
  'Kowalski',
  'Kuznetsova',
  'Lambert',
  'Larsen',
  'Lindqvist',
  'Marino',
  'Mensah',
  'Moreau',
  'Nakamura',
  'Novak',
  'Okafor',
  'Olsen',
  'Patel',
  'Pereira',
  'Petrov',
  'Quinn',
  'Rahman',
  'Reyes',
  'Rossi',
  'Sato',
  'Schmidt',
  'Silva',
  'Singh',
  'Sorensen',
  'Tanaka',
  'Torres',
  'Varga',
  'Vogel',
  'Walsh',
  'Weber',
  'Wong',
  'Yilmaz',
  'Zhang',
];

/** APIs a few teams publish: [name, type, owning team, title]. The provider is the team's core service. */
export const API_SPECS: readonly (readonly [string, 'openapi' | 'grpc' | 'asyncapi', string, string])[] = [
  ['payments-api', 'openapi', 'payments', 'Payments API'],
  ['catalog-api', 'openapi', 'catalog', 'Catalog API'],
  ['search-api', 'grpc', 'search', 'Search API'],
  ['pricing-api', 'grpc', 'pricing', 'Pricing API'],
  ['order-events', 'asyncapi', 'orders', 'Order events'],
  ['identity-api', 'openapi', 'identity', 'Identity API'],
  ['notifications-api', 'openapi', 'notifications', 'Notifications API'],
  ['shipping-rates-api', 'grpc', 'shipping', 'Shipping rates API'],
  ['ledger-events', 'asyncapi', 'ledger', 'Ledger events'],
];

/** Infrastructure a few teams own: [name, type, owning team]. */
export const RESOURCE_SPECS: readonly (readonly [string, string, string])[] = [
  ['payments-db', 'database', 'payments'],
  ['ledger-db', 'database', 'ledger'],
  ['orders-db', 'database', 'orders'],
  ['catalog-db', 'database', 'catalog'],
  ['identity-db', 'database', 'identity'],
  ['product-media-bucket', 's3-bucket', 'catalog'],
  ['order-events-topic', 'kafka-topic', 'orders'],
  ['search-index', 'search-index', 'search'],
];
