/** `*` any run of characters, `?` one: a glob as a regular expression source, the same in JavaScript and PostgreSQL. */
export const globSource = (glob: string) =>
  glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');

/** Environments whose successful deployments count when PAVED_PRODUCTION_ENVIRONMENTS is unset (DOMAIN.md). */
export const DEFAULT_PRODUCTION_ENVIRONMENTS = ['production', 'prod'];

/**
 * Which environments are production, from names or globs: a pattern for whole names, matched ignoring case (the
 * `i` flag in JavaScript, `~*` in SQL). No names: nothing is production (environments are never empty).
 */
export function productionPattern(environments: readonly string[] = DEFAULT_PRODUCTION_ENVIRONMENTS): string {
  return environments.length === 0 ? '^$' : `^(${environments.map(globSource).join('|')})$`;
}

const compiled = new Map<string, RegExp>();

export function isProduction(environment: string, pattern: string): boolean {
  let regex = compiled.get(pattern);
  if (!regex) compiled.set(pattern, (regex = new RegExp(pattern, 'i')));
  return regex.test(environment);
}
