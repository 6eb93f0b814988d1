/** Backstage descriptor documents for tests, written the way people write them by hand. */

export function groupDoc(name: string): string {
  return `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: ${name} }\nspec: { type: team, children: [] }\n`;
}

export function componentDoc(
  name: string,
  owner: string,
  options: { type?: string; annotations?: Record<string, string> } = {},
): string {
  const annotations = Object.entries(options.annotations ?? {}).map(([k, v]) => `${k}: ${v}`);
  const metadata = annotations.length
    ? `metadata:\n  name: ${name}\n  annotations: { ${annotations.join(', ')} }`
    : `metadata: { name: ${name} }`;
  return `apiVersion: backstage.io/v1alpha1\nkind: Component\n${metadata}\nspec: { type: ${options.type ?? 'service'}, lifecycle: production, owner: ${owner} }\n`;
}

/** Several documents in one file. */
export const documents = (...docs: string[]) => docs.join('---\n');
