/**
 * Writes docs/policy-rules.md, the reference of every built-in rule, from the rules' metadata:
 * `npm run build:policy-docs`. Biome leaves it alone (biome.json); a test fails when the page is stale.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BUILT_IN_RULES } from "../src/policy/rules/index.ts";
import { FRAMEWORK_VERSIONS } from "../src/policy/rules/shared/frameworks.ts";
import { FRAMEWORKS } from "../src/policy/types.ts";

/** Prose and table cells: a bare `*` would start emphasis. */
const md = (text: string) => text.replace(/\*/g, "\\*");

export function policyRulesPage(): string {
  const lines = [
    "# Built-in policy rules",
    "",
    "Generated from the rules' metadata by `npm run build:policy-docs`; do not edit. See [policy.md](policy.md) for",
    "how to run them. Frameworks: " +
      Object.entries(FRAMEWORKS)
        .map(([id, name]) => `\`${id}\` ${name} ${FRAMEWORK_VERSIONS[id as keyof typeof FRAMEWORK_VERSIONS]}`)
        .join("; ") +
      ".",
    "",
    "| Rule | Severity | Title | Terraform types | Aliases | Controls |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const { meta: m } of BUILT_IN_RULES) {
    const controls = m.frameworks.map((f) => `${f.framework} ${f.controls.join(", ")}`).join("; ");
    lines.push(
      `| [${m.id}](#${m.id.toLowerCase()}) | ${m.severity} | ${md(m.title)} | ${m.resourceTypes.terraform.map((t) => `\`${t}\``).join(" ")} | ${m.aliases.join(" ")} | ${controls} |`,
    );
  }
  for (const { meta: m } of BUILT_IN_RULES) {
    lines.push("", `## ${m.id}`, "", `**${md(m.title)}** (${m.severity}). ${md(m.description)}`, "");
    if (m.defaults) lines.push(`Defaults: ${md(m.defaults)}`, "");
    if (m.resourceTypes.cloudformation.length > 0)
      lines.push(`CloudFormation: ${m.resourceTypes.cloudformation.map((t) => `\`${t}\``).join(", ")}.`, "");
    lines.push(`Fix: ${md(m.remediation.summary)}`, "", "```hcl", m.remediation.terraform, "```", "");
    if (m.remediation.cloudformation) lines.push("```yaml", m.remediation.cloudformation, "```", "");
    if (m.remediation.plinth) lines.push(`plinth.yaml: ${md(m.remediation.plinth)}`, "");
    lines.push(`References: ${m.references.join(", ")}`);
  }
  return `${lines.join("\n")}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = fileURLToPath(new URL("../docs/policy-rules.md", import.meta.url));
  writeFileSync(file, policyRulesPage());
  console.log(`wrote docs/policy-rules.md (${BUILT_IN_RULES.length} rules)`);
}
