import type { ErrorObject } from "ajv";
import validatePolicyConfig from "../../schemas/generated/policy-rules.validate.js";
import { InputError } from "../errors.ts";
import { readYaml } from "../spec/read-yaml.ts";
import { segmentsOf } from "../spec/source-map.ts";
import { type CustomRuleDefinition, compileCustomRule } from "./custom/cel-rule.ts";
import type { Rule } from "./rule.ts";
import { isDate, type SuppressionRule } from "./suppressions/suppression-rules.ts";

/** plinth-policy.yaml: custom rules and suppressions (schemas/policy-rules.schema.json). */
export interface PolicyConfig {
  rules: Rule[];
  suppressions: SuppressionRule[];
}

interface RawConfig {
  rules?: CustomRuleDefinition[];
  suppressions?: Array<{ rule: string; address: string; reason: string; expires?: string }>;
}

/** The file name looked for next to the checked input when `--config` is not given. */
export const POLICY_CONFIG_FILE = "plinth-policy.yaml";

/**
 * Reads a policy config. Any problem (YAML, schema, an invalid CEL condition, a date that does not
 * exist, a duplicate rule id) is one InputError at its file:line; nothing is partially applied.
 */
export function readPolicyConfig(text: string, file: string): PolicyConfig {
  const { data, sources } = readYaml(text, file);
  const config = (data ?? {}) as RawConfig;
  if (!validatePolicyConfig(config)) {
    const error = (validatePolicyConfig.errors ?? [])[0] as ErrorObject;
    throw new InputError(`${file} is not a valid policy config: ${describeSchemaError(error)}.`, {
      location: sources.value(error.instancePath),
      hint: "See schemas/policy-rules.schema.json and docs/policy.md.",
    });
  }
  const seen = new Set<string>();
  const rules = (config.rules ?? []).map((definition, i) => {
    const at = sources.value(`/rules/${i}/condition`);
    if (seen.has(definition.id))
      throw new InputError(`Rule ${definition.id} is defined twice in ${file}.`, {
        location: sources.value(`/rules/${i}/id`),
      });
    seen.add(definition.id);
    return compileCustomRule(definition, at);
  });
  const suppressions = (config.suppressions ?? []).map((s, i): SuppressionRule => {
    if (s.expires !== undefined && !isDate(s.expires))
      throw new InputError(`The suppression's expires date ${s.expires} does not exist.`, {
        location: sources.value(`/suppressions/${i}/expires`),
      });
    return { ...s, source: file, at: sources.value(`/suppressions/${i}`) };
  });
  return { rules, suppressions };
}

function describeSchemaError(error: ErrorObject): string {
  const where = segmentsOf(error.instancePath).join(".") || "the document";
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown property \`${String(params.additionalProperty)}\` in ${where}`;
    case "required":
      return `${where} needs \`${String(params.missingProperty)}\``;
    case "enum":
      return `${where} must be one of ${(params.allowedValues as unknown[]).join(", ")}`;
    default:
      return `${where} ${error.message ?? "is invalid"}`;
  }
}
