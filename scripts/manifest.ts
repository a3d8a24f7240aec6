// The part of package.json generated from the rule registry: one `cable.diagnostics.rules` setting per rule.
import { Rule, RULE_LEVELS } from '../server/src/features/diagnostics/rule';

function ruleSettings(rules: readonly Rule[]) {
  return Object.fromEntries(
    rules.map((rule) => [
      rule.code,
      {
        type: 'string',
        enum: RULE_LEVELS,
        description: `${rule.description} (default: ${rule.offByDefault ? 'off' : rule.severity})`,
      },
    ]),
  );
}

/** The text of package.json with the settings of these rules (JSON.stringify's layout, which Prettier keeps). */
export function manifestWithRules(manifestText: string, rules: readonly Rule[]): string {
  const manifest = JSON.parse(manifestText);
  manifest.contributes.configuration.properties['cable.diagnostics.rules'].properties = ruleSettings(rules);
  return JSON.stringify(manifest, null, 2) + '\n';
}
