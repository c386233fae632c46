import type { SourceLocation } from "../../errors.ts";
import type { Block, Expression, Position } from "./hcl/syntax.ts";
import type { ExpressionDeclaration } from "./load-module.ts";

/** What a module's `terraform` blocks say, after override files. */
export interface TerraformSettings {
  /** `required_version` constraints: every normal file's, or the last override file's. */
  requiredVersion: ExpressionDeclaration[];
  /** `required_providers` entries by local name (`aws = { source = "hashicorp/aws" }`). */
  requiredProviders: Map<string, ExpressionDeclaration>;
  /** Where state is kept: `backend "s3"` gives `s3`, a `cloud` block `cloud`. */
  backend?: { type: string; location: SourceLocation };
}

export function emptyTerraformSettings(): TerraformSettings {
  return { requiredVersion: [], requiredProviders: new Map() };
}

/**
 * Reads one `terraform` block (HCL or JSON syntax) into the module's settings. From a normal file,
 * constraints add up and the first backend counts; from an override file, as Terraform merges them, its
 * `required_version` replaces all others, each `required_providers` entry replaces the one of its name,
 * and its `backend` or `cloud` replaces the original's.
 */
export function readTerraformBlock(
  settings: TerraformSettings,
  block: Block,
  file: string,
  fromOverride: boolean,
): void {
  const where = (pos: Position): SourceLocation => ({ file, line: pos.line, col: pos.col });
  const located = (expression: Expression, pos: Position): ExpressionDeclaration => ({
    expression,
    file,
    location: where(pos),
  });
  for (const attribute of block.body.attributes) {
    const { name, expression } = attribute;
    if (name === "required_version") {
      if (fromOverride) settings.requiredVersion = [];
      settings.requiredVersion.push(located(expression, attribute.pos));
    } else if (name === "required_providers" && expression.kind === "object") {
      for (const { key, value } of expression.items) {
        if (key.kind === "literal" && typeof key.value === "string")
          setProvider(settings, key.value, located(value, key.pos), fromOverride);
      }
    } else if ((name === "backend" || name === "cloud") && expression.kind === "object") {
      const [first] = expression.items;
      const type = name === "cloud" ? "cloud" : first?.key.kind === "literal" ? String(first.key.value) : "";
      setBackend(settings, type, where(attribute.pos), fromOverride);
    }
  }
  for (const nested of block.body.blocks) {
    if (nested.type === "required_providers") {
      for (const entry of nested.body.attributes)
        setProvider(settings, entry.name, located(entry.expression, entry.pos), fromOverride);
    } else if (nested.type === "backend" || nested.type === "cloud") {
      const type = nested.type === "cloud" ? "cloud" : (nested.labels[0] ?? "");
      setBackend(settings, type, where(nested.pos), fromOverride);
    }
  }
}

function setProvider(
  settings: TerraformSettings,
  name: string,
  written: ExpressionDeclaration,
  fromOverride: boolean,
): void {
  if (fromOverride || !settings.requiredProviders.has(name)) settings.requiredProviders.set(name, written);
}

function setBackend(
  settings: TerraformSettings,
  type: string,
  location: SourceLocation,
  fromOverride: boolean,
): void {
  if (fromOverride || !settings.backend) settings.backend = { type, location };
}
