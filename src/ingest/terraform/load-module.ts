import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { SourceLocation } from "../../errors.ts";
import type { Directive } from "../../model/graph.ts";
import type { Diagnostic } from "../../spec/diagnostics.ts";
import { isTerraformFile } from "../detect-input.ts";
import { readSourceFile } from "../read-source-file.ts";
import { applyOverrideFile } from "./apply-override-file.ts";
import { directivesFor } from "./directives.ts";
import { parseHcl } from "./hcl/parse-hcl.ts";
import { parseJsonSyntax } from "./hcl/parse-json-syntax.ts";
import type { Attribute, Block, Expression, HclFile } from "./hcl/syntax.ts";
import { emptyTerraformSettings, readTerraformBlock, type TerraformSettings } from "./terraform-settings.ts";

/** A declaration and where it was written. */
export interface Declared {
  block: Block;
  file: string;
  location: SourceLocation;
}

export interface ResourceDeclaration extends Declared {
  type: string;
  name: string;
  directives: Directive[];
}

export interface ModuleCallDeclaration extends Declared {
  name: string;
  directives: Directive[];
}

export interface ExpressionDeclaration {
  expression: Expression;
  file: string;
  location: SourceLocation;
}

export interface ProviderDeclaration extends Declared {
  /** `aws` or `aws.west`. */
  key: string;
}

/** One directory of `.tf` files, parsed, its declarations indexed by name. */
export interface ModuleConfig {
  directory: string;
  /** How messages name the directory (`infra/modules/net`). */
  display: string;
  variables: Map<string, Declared>;
  locals: Map<string, ExpressionDeclaration>;
  outputs: Map<string, Declared>;
  resources: ResourceDeclaration[];
  /** Data sources by `type.name`: plinth evaluates the few it can (`aws_iam_policy_document`). */
  dataSources: Map<string, ResourceDeclaration>;
  moduleCalls: ModuleCallDeclaration[];
  providers: ProviderDeclaration[];
  terraform: TerraformSettings;
}

/** Blocks Terraform accepts at the top level that describe no resource plinth reads. */
const IGNORED_BLOCKS: ReadonlySet<string> = new Set([
  "moved",
  "import",
  "removed",
  "check",
  "ephemeral",
  "action",
  "list",
]);

export type Warn = (message: string, location: SourceLocation) => void;

/**
 * Reads and indexes the `.tf` and `.tf.json` files of one directory, in name order as Terraform does,
 * then merges its override files into what they declared (see `applyOverrideFile`). Duplicate
 * declarations keep the first and add a warning.
 */
export function loadModule(directory: string, display: string, warnings: Diagnostic[]): ModuleConfig {
  const config: ModuleConfig = {
    directory,
    display,
    variables: new Map(),
    locals: new Map(),
    outputs: new Map(),
    resources: [],
    dataSources: new Map(),
    moduleCalls: [],
    providers: [],
    terraform: emptyTerraformSettings(),
  };
  const warn: Warn = (message, location) => warnings.push({ severity: "warning", message, location });
  const names = readdirSync(directory).filter(isTerraformFile).sort();
  const read = (name: string) => {
    const file = display === "." ? name : join(display, name);
    return parseConfigurationFile(readSourceFile(join(directory, name), file), file);
  };
  for (const name of names) if (!isOverrideFile(name)) addFile(config, read(name), warn);
  for (const name of names) if (isOverrideFile(name)) applyOverrideFile(config, read(name), warn);
  return config;
}

/** `override.tf`, `main_override.tf` and their `.tf.json` forms. */
function isOverrideFile(name: string): boolean {
  return /(^|_)override\.tf(\.json)?$/.test(name);
}

/** Indexes the declarations of one normal (not override) file. */
function addFile(config: ModuleConfig, hcl: HclFile, warn: Warn): void {
  const file = hcl.file;
  warnTopLevelArguments(hcl, warn);
  for (const block of hcl.body.blocks) {
    const location = at(file, block);
    const declared = { block, file, location };
    const labels = block.labels;
    const [first = "", second = ""] = labels;
    switch (block.type) {
      case "resource":
      case "data": {
        if (!hasLabels(block, warn, location)) break;
        const resource = { ...declared, type: first, name: second, directives: directivesFor(block, hcl) };
        if (block.type === "data") {
          if (config.dataSources.has(`${first}.${second}`)) {
            warn(
              `The data source \`data.${first}.${second}\` is declared twice; the first declaration is used.`,
              location,
            );
          } else {
            config.dataSources.set(`${first}.${second}`, resource);
          }
          break;
        }
        if (config.resources.some((r) => r.type === first && r.name === second)) {
          warn(
            `The resource \`${first}.${second}\` is declared twice; the first declaration is used.`,
            location,
          );
          break;
        }
        config.resources.push(resource);
        break;
      }
      case "module":
        if (!hasLabels(block, warn, location)) break;
        if (config.moduleCalls.some((m) => m.name === first)) {
          warn(`The module \`${first}\` is declared twice; the first declaration is used.`, location);
        } else {
          config.moduleCalls.push({ ...declared, name: first, directives: directivesFor(block, hcl) });
        }
        break;
      case "variable":
      case "output": {
        const map = block.type === "variable" ? config.variables : config.outputs;
        if (!hasLabels(block, warn, location)) break;
        if (map.has(first)) {
          warn(`The ${block.type} \`${first}\` is declared twice; the first declaration is used.`, location);
        } else {
          map.set(first, declared);
        }
        break;
      }
      case "locals":
        for (const attribute of block.body.attributes) {
          if (config.locals.has(attribute.name)) {
            warn(
              `The local value \`${attribute.name}\` is declared twice; the first declaration is used.`,
              at(file, attribute),
            );
          } else {
            config.locals.set(attribute.name, {
              expression: attribute.expression,
              file,
              location: at(file, attribute),
            });
          }
        }
        break;
      case "provider": {
        const key = providerKey(block);
        if (config.providers.some((p) => p.key === key)) {
          warn(`The provider configuration \`${key}\` is declared twice; the first is used.`, location);
        } else {
          config.providers.push({ ...declared, key });
        }
        break;
      }
      case "terraform":
        readTerraformBlock(config.terraform, block, file, false);
        break;
      default:
        warnUnknownBlock(block, warn, location);
    }
  }
}

/** Arguments written outside any block, which Terraform refuses. */
export function warnTopLevelArguments(hcl: HclFile, warn: Warn): void {
  for (const attribute of hcl.body.attributes) {
    warn(
      `The argument \`${attribute.name}\` is not valid at the top level of a module and is ignored.`,
      at(hcl.file, attribute),
    );
  }
}

/** A top-level block plinth does not read: silently when Terraform has it, else with a warning. */
export function warnUnknownBlock(block: Block, warn: Warn, location: SourceLocation): void {
  if (!IGNORED_BLOCKS.has(block.type))
    warn(`Terraform has no top-level \`${block.type}\` block; it is ignored.`, location);
}

/** Labels each top-level block needs: `resource "type" "name"`, `module "name"`… */
const LABELS: Readonly<Record<string, { count: number; description: string }>> = {
  resource: { count: 2, description: "a type and a name label" },
  data: { count: 2, description: "a type and a name label" },
  module: { count: 1, description: "exactly one name label" },
  variable: { count: 1, description: "exactly one name label" },
  output: { count: 1, description: "exactly one name label" },
};

/** Whether a block has the labels its type needs; warns when not. */
export function hasLabels(block: Block, warn: Warn, location: SourceLocation): boolean {
  const needed = LABELS[block.type];
  if (!needed || block.labels.length === needed.count) return true;
  warn(`A \`${block.type}\` block needs ${needed.description}; this one is ignored.`, location);
  return false;
}

/** `aws`, or `aws.west` for a configuration with `alias = "west"`. */
export function providerKey(block: Block): string {
  const alias = argument(block, "alias")?.expression;
  const aliasName =
    alias?.kind === "template" && typeof alias.parts[0] === "string" ? alias.parts[0] : undefined;
  return aliasName ? `${block.labels[0] ?? ""}.${aliasName}` : (block.labels[0] ?? "");
}

/** A `.tf` file in HCL's native syntax or a `.tf.json` file in its JSON syntax, by the file's name. */
export function parseConfigurationFile(text: string, file: string): HclFile {
  return file.endsWith(".json") ? parseJsonSyntax(text, file) : parseHcl(text, file);
}

/**
 * Where a block or argument is written: `file` is the file of the declaration it is in, unless an
 * override file merged it in (then it carries its own).
 */
export function at(
  file: string,
  node: Block | Attribute | { pos: { line: number; col: number }; file?: string },
): SourceLocation {
  return { file: node.file ?? file, line: node.pos.line, col: node.pos.col };
}

/** The file a block or argument is written in (see `at`). */
export function fileOf(node: Block | Attribute, declaredIn: string): string {
  return node.file ?? declaredIn;
}

/** The value of a block's argument as written, or undefined. */
export function argument(block: Block, name: string): Attribute | undefined {
  return block.body.attributes.find((a) => a.name === name);
}
