/** Environments whose successful deployments count (DOMAIN.md: production or prod). */
export const PRODUCTION_ENVIRONMENT = /^(production|prod)$/i;

/** The same rule for SQL: the pattern for `~*`, PostgreSQL's case-insensitive match (the regex's `i` flag). */
export const PRODUCTION_PATTERN = PRODUCTION_ENVIRONMENT.source;
