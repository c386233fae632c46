import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { SourceLocation } from "../../errors.ts";
import type { Directive } from "../../model/graph.ts";
import type { Diagnostic } from "../../spec/diagnostics.ts";
import { isTerraformFile } from "../detect-input.ts";
import { readSourceFile } from "../read-source-file.ts";
import { directivesFor } from "./directives.ts";
import { parseHcl } from "./hcl/parse-hcl.ts";
import { parseJsonSyntax } from "./hcl/parse-json-syntax.ts";
import type { Attribute, Block, Expression, HclFile } from "./hcl/syntax.ts";

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
}

/** Blocks Terraform accepts at the top level that describe no resource plinth reads. */
const IGNORED_BLOCKS = new Set([
  "terraform",
  "moved",
  "import",
  "removed",
  "check",
  "ephemeral",
  "action",
  "list",
]);

/**
 * Reads and indexes the `.tf` and `.tf.json` files of one directory, in name order as Terraform does.
 * Duplicate declarations keep the first and add a warning; override files are skipped with one.
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
  };
  const names = readdirSync(directory).sort();
  const warn = (message: string, location: SourceLocation) =>
    warnings.push({ severity: "warning", message, location });
  for (const name of names) {
    const file = display === "." ? name : join(display, name);
    if (!isTerraformFile(name)) continue;
    if (/(^|_)override\.tf(\.json)?$/.test(name)) {
      warn(`${name} is not read: plinth does not apply Terraform's override files.`, {
        file,
        line: 1,
        col: 1,
      });
      continue;
    }
    const hcl = parseConfigurationFile(readSourceFile(join(directory, name), file), file);
    for (const attribute of hcl.body.attributes) {
      warn(
        `The argument \`${attribute.name}\` is not valid at the top level of a module and is ignored.`,
        at(file, attribute),
      );
    }
    for (const block of hcl.body.blocks) {
      const location = at(file, block);
      const declared = { block, file, location };
      const labels = block.labels;
      const [first = "", second = ""] = labels;
      switch (block.type) {
        case "resource":
        case "data": {
          if (labels.length !== 2) {
            warn(`A \`${block.type}\` block needs a type and a name label; this one is ignored.`, location);
            break;
          }
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
          if (labels.length !== 1) {
            warn("A `module` block needs exactly one name label; this one is ignored.", location);
          } else if (config.moduleCalls.some((m) => m.name === first)) {
            warn(`The module \`${first}\` is declared twice; the first declaration is used.`, location);
          } else {
            config.moduleCalls.push({ ...declared, name: first, directives: directivesFor(block, hcl) });
          }
          break;
        case "variable":
        case "output":
          addNamed(block.type === "variable" ? config.variables : config.outputs, block.type, declared, warn);
          break;
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
          const alias = block.body.attributes.find((a) => a.name === "alias")?.expression;
          const aliasName =
            alias?.kind === "template" && typeof alias.parts[0] === "string" ? alias.parts[0] : undefined;
          const key = aliasName ? `${first}.${aliasName}` : first;
          if (config.providers.some((p) => p.key === key)) {
            warn(`The provider configuration \`${key}\` is declared twice; the first is used.`, location);
          } else {
            config.providers.push({ ...declared, key });
          }
          break;
        }
        default:
          if (!IGNORED_BLOCKS.has(block.type))
            warn(`Terraform has no top-level \`${block.type}\` block; it is ignored.`, location);
      }
    }
  }
  return config;
}

/** A `.tf` file in HCL's native syntax or a `.tf.json` file in its JSON syntax, by the file's name. */
export function parseConfigurationFile(text: string, file: string): HclFile {
  return file.endsWith(".json") ? parseJsonSyntax(text, file) : parseHcl(text, file);
}

function addNamed(
  map: Map<string, Declared>,
  kind: string,
  declared: Declared,
  warn: (message: string, location: SourceLocation) => void,
): void {
  const [name] = declared.block.labels;
  if (declared.block.labels.length !== 1 || name === undefined) {
    warn(`A \`${kind}\` block needs exactly one name label; this one is ignored.`, declared.location);
  } else if (map.has(name)) {
    warn(`The ${kind} \`${name}\` is declared twice; the first declaration is used.`, declared.location);
  } else {
    map.set(name, declared);
  }
}

export function at(
  file: string,
  node: Block | Attribute | { pos: { line: number; col: number } },
): SourceLocation {
  return { file, line: node.pos.line, col: node.pos.col };
}

/** The value of a block's argument as written, or undefined. */
export function argument(block: Block, name: string): Attribute | undefined {
  return block.body.attributes.find((a) => a.name === name);
}
