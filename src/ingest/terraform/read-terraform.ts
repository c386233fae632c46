import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { cloudOfType, PROVIDERS, ProviderSchemas } from "../../catalog/provider-schemas.ts";
import { DEFAULT_REGION } from "../../catalog/regions.ts";
import { InputError, type SourceLocation } from "../../errors.ts";
import type { GraphOutput, GraphVariable, ResourceGraph, ResourceNode } from "../../model/graph.ts";
import type { Value } from "../../model/value.ts";
import { type Diagnostic, sortDiagnostics } from "../../spec/diagnostics.ts";
import { hasTerraformFiles, isTerraformFile } from "../detect-input.ts";
import { dominantCloud, sortByAddress } from "../graph-parts.ts";
import type { ReadInfrastructureOptions } from "../read-infrastructure.ts";
import { readSourceFile } from "../read-source-file.ts";
import { parseHcl } from "./hcl/parse-hcl.ts";
import { argument, fileOf, loadModule, type ModuleConfig, parseConfigurationFile } from "./load-module.ts";
import { ModuleInstance } from "./module-instance.ts";
import { resourceNodes } from "./resource-nodes.ts";
import { readVariableType, takesRawText } from "./variable-type.ts";
import { constant, rootInputs, type VariableInput } from "./variable-values.ts";

/** Directories never holding configuration of their own. */
const SKIPPED_DIRECTORIES = new Set([".terraform", ".git", "node_modules", ".terragrunt-cache"]);
/** More directories than any repository's infrastructure; stops a walk of a whole disk. */
const MAX_DIRECTORIES = 5000;

/**
 * Reads a Terraform configuration without `terraform init`: the `.tf` files of `path` (a directory or
 * one of its files) as the root module, with its local modules. A directory without `.tf` files of its
 * own is searched for root modules: every directory with `.tf` files that no other one calls.
 */
export function readTerraform(
  path: string,
  options: ReadInfrastructureOptions,
): { graphs: ResourceGraph[]; warnings: Diagnostic[] } {
  const isDirectory = statSync(path).isDirectory();
  const directory = isDirectory ? path : dirname(path);
  const display = options.display ?? path;
  const displayDirectory = isDirectory ? display : dirname(display);
  const schemas = options.schemas ?? new ProviderSchemas();
  const warnings: Diagnostic[] = [];
  const reader = new ConfigurationReader(directory, displayDirectory, warnings);
  const roots = hasTerraformFiles(directory) ? [directory] : reader.findRoots();
  if (roots.length === 0) {
    throw new InputError(`There are no Terraform files (.tf, .tf.json) in ${displayDirectory}.`, {
      hint: "Pass the directory holding your root module's .tf files.",
    });
  }
  const varFiles = (options.varFiles ?? []).map((p) => ({ path: resolve(p), display: p }));
  const graphs = roots.map((root) => {
    const rootDisplay = reader.display(root);
    const config = reader.load(root);
    const inputs = rootInputs(root, rootDisplay, varFiles, options.vars ?? {});
    for (const [name, input] of inputs) {
      if (!config.variables.has(name) && input.kind === "value") {
        warnings.push({
          severity: "warning",
          message: `A value is given for the variable \`${name}\`, which ${rootDisplay} does not declare.`,
          location: input.location,
        });
      }
    }
    const module = new ModuleInstance({
      config,
      prefix: "",
      rootDirectory: root,
      inputs: new Map(
        [...inputs]
          .filter(([name]) => config.variables.has(name))
          .map(([name, input]) => [name, () => inputValue(config, name, input)]),
      ),
      providers: new Map(),
      directives: [],
      warnings,
      loadChild: (source, from, location) => reader.loadChild(source, from, location, root),
      ancestors: [],
    });
    const nodes = withExpandedDependencies(resourceNodes(module, schemas));
    return graphOf(
      module,
      nodes,
      root === directory ? basename(resolve(directory)) : relative(directory, root),
    );
  });
  return { graphs, warnings: sortDiagnostics(warnings) };
}

/** Loads and caches module directories, and names their files for messages. */
class ConfigurationReader {
  readonly #top: string;
  readonly #topDisplay: string;
  readonly #warnings: Diagnostic[];
  readonly #modules = new Map<string, ModuleConfig>();

  constructor(top: string, topDisplay: string, warnings: Diagnostic[]) {
    this.#top = resolve(top);
    this.#topDisplay = topDisplay;
    this.#warnings = warnings;
  }

  display(directory: string): string {
    const rel = relative(this.#top, directory);
    if (rel === "") return this.#topDisplay;
    return this.#topDisplay === "." ? rel : join(this.#topDisplay, rel);
  }

  load(directory: string): ModuleConfig {
    const key = resolve(directory);
    let config = this.#modules.get(key);
    if (!config) {
      config = loadModule(key, this.display(key), this.#warnings);
      this.#modules.set(key, config);
    }
    return config;
  }

  /** A module call's source: a local path, or a module `terraform init` already downloaded. */
  loadChild(
    source: string,
    from: ModuleConfig,
    location: SourceLocation,
    root: string,
  ): ModuleConfig | undefined {
    const warn = (message: string) => this.#warnings.push({ severity: "warning", message, location });
    let directory: string | undefined;
    if (source.startsWith("./") || source.startsWith("../")) {
      directory = resolve(from.directory, source);
    } else {
      directory = downloadedModule(root, source);
      if (!directory) {
        warn(
          `The module source \`${source}\` is not a local path and was not downloaded by \`terraform init\`; its resources are not read.`,
        );
        return undefined;
      }
    }
    if (!existsSync(directory) || !statSync(directory).isDirectory() || !hasTerraformFiles(directory)) {
      warn(`The module source \`${source}\` has no Terraform files; its resources are not read.`);
      return undefined;
    }
    return this.load(directory);
  }

  /** Directories with `.tf` files below the top one that no other such directory calls as a module. */
  findRoots(): string[] {
    const found: string[] = [];
    const walk = (directory: string) => {
      if (found.length >= MAX_DIRECTORIES) return;
      const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
        a.name.localeCompare(b.name),
      );
      if (entries.some((e) => e.isFile() && isTerraformFile(e.name))) found.push(directory);
      for (const entry of entries) {
        if (entry.isDirectory() && !entry.name.startsWith(".") && !SKIPPED_DIRECTORIES.has(entry.name))
          walk(join(directory, entry.name));
      }
    };
    walk(this.#top);
    const called = new Set<string>();
    for (const directory of found) {
      for (const file of readdirSync(directory).filter(isTerraformFile)) {
        const display = join(this.display(directory), file);
        const text = readSourceFile(join(directory, file), display);
        if (!text.includes("module")) continue;
        for (const block of parseConfigurationFile(text, display).body.blocks) {
          const source = block.type === "module" ? argument(block, "source")?.expression : undefined;
          const path =
            source?.kind === "template" && typeof source.parts[0] === "string" ? source.parts[0] : undefined;
          if (path && (path.startsWith("./") || path.startsWith("../"))) called.add(resolve(directory, path));
        }
      }
    }
    return found.filter((d) => !called.has(d));
  }
}

/** A registry or Git module that `terraform init` put under `.terraform/modules`. */
function downloadedModule(root: string, source: string): string | undefined {
  const manifest = join(root, ".terraform", "modules", "modules.json");
  if (!existsSync(manifest)) return undefined;
  try {
    const { Modules } = JSON.parse(readFileSync(manifest, "utf8")) as {
      Modules?: Array<{ Source?: string; Dir?: string }>;
    };
    const entry = Modules?.find(
      (m) => m.Source === source || m.Source?.endsWith(`/${source}`) || m.Source?.includes(`//${source}`),
    );
    if (!entry?.Dir) return undefined;
    const directory = isAbsolute(entry.Dir) ? entry.Dir : resolve(root, entry.Dir);
    // A manifest is input too: it may only point inside the configuration.
    return relative(root, directory).startsWith("..") ? undefined : directory;
  } catch {
    return undefined;
  }
}

/** A root input as its variable's type wants it: `-var` text is an HCL expression for collections. */
function inputValue(config: ModuleConfig, name: string, input: VariableInput): Value {
  if (input.kind === "value") return input.value;
  const declared = config.variables.get(name);
  const type = readVariableType(declared && argument(declared.block, "type")?.expression);
  if (takesRawText(type)) return input.text;
  const body = parseHcl(`value = ${input.text}\n`, `-var ${name}`).body;
  return constant(
    (body.attributes[0] as { expression: Parameters<typeof constant>[0] }).expression,
    `-var ${name}`,
  );
}

/** `depends_on = [aws_instance.web]` names every instance (`aws_instance.web[0]`…); a module, all its resources. */
function withExpandedDependencies(nodes: ResourceNode[]): ResourceNode[] {
  const addresses = nodes.map((n) => n.address);
  for (const node of nodes) {
    if (node.dependsOn.length === 0) continue;
    node.dependsOn = [
      ...new Set(
        node.dependsOn.flatMap((dep) => {
          const matches = addresses.filter(
            (a) => a === dep || a.startsWith(`${dep}[`) || a.startsWith(`${dep}.`),
          );
          return matches.length > 0 ? matches : [dep];
        }),
      ),
    ];
  }
  return nodes;
}

function graphOf(module: ModuleInstance, nodes: ResourceNode[], app: string): ResourceGraph {
  const cloud = dominantCloud(nodes);
  const providerRegion = module.providers.get(PROVIDERS[cloud].name)?.region;
  const region =
    typeof providerRegion === "string"
      ? providerRegion
      : (nodes.find((n) => n.region && cloudOfType(n.type) === cloud)?.region ?? DEFAULT_REGION[cloud]);
  const variables: GraphVariable[] = [];
  for (const [name, declared] of module.config.variables) {
    const type = readVariableType(argument(declared.block, "type")?.expression).kind;
    if (type !== "string" && type !== "number" && type !== "bool" && type !== "any") continue;
    const value = module.variable(name);
    const description = argument(declared.block, "description");
    const sensitive = argument(declared.block, "sensitive");
    variables.push({
      name,
      type: type === "number" || type === "bool" ? type : "string",
      description: description
        ? String(module.evaluate(description.expression, fileOf(description, declared.file)))
        : "",
      ...(sensitive?.expression.kind === "literal" && sensitive.expression.value === true
        ? { sensitive: true }
        : {}),
      ...(!sensitive && (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
        ? { default: value }
        : {}),
    });
  }
  const outputs: GraphOutput[] = [...module.config.outputs].map(([name, declared]) => {
    const sensitive = argument(declared.block, "sensitive")?.expression;
    const isSensitive = sensitive?.kind === "literal" && sensitive.value === true;
    return {
      name,
      value: isSensitive ? "(sensitive)" : module.output(name),
      ...(isSensitive ? { sensitive: true } : {}),
    };
  });
  return {
    app,
    env: "default",
    cloud,
    region,
    nodes: sortByAddress(nodes),
    variables,
    outputs,
  };
}
