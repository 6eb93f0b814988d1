import type { Capability } from '../../api/types.js';
import { EmptyState } from '../../components/EmptyState.js';

type Rule = Capability['detect'][number];

/** The rule as it would be written in the descriptor. */
function ruleYaml(rule: Rule): string {
  if ('dependency' in rule)
    return `- dependency: { ecosystem: ${rule.dependency.ecosystem}, name: ${JSON.stringify(rule.dependency.name)} }`;
  return [
    `- files: ${JSON.stringify(rule.files)}`,
    ...(rule.pattern ? [`  pattern: ${JSON.stringify(rule.pattern)}`] : []),
  ].join('\n');
}

function ruleMeaning(rule: Rule): string {
  if ('dependency' in rule) return `A ${rule.dependency.ecosystem} manifest depends on ${rule.dependency.name}.`;
  return rule.pattern
    ? `A file matching ${rule.files} has a line matching the pattern.`
    : `A file matching ${rule.files} exists.`;
}

/** How adoption is seen in a repository: any one rule matching is enough. */
export function DetectRules({ rules }: { rules: Rule[] }) {
  if (rules.length === 0) {
    return (
      <EmptyState compact title="No detect rules">
        <p>Without rules, adoption can only come from usage events or declarations.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <p className="muted small">A repository adopts this capability when any one rule matches.</p>
      <ul className="rules">
        {rules.map((rule, i) => (
          <li key={i}>
            <p className="small">{ruleMeaning(rule)}</p>
            <pre className="code">
              <code>{ruleYaml(rule)}</code>
            </pre>
          </li>
        ))}
      </ul>
    </>
  );
}
