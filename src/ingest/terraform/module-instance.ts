import { existsSync, realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { SourceLocation } from "../../errors.ts";
import type { Directive } from "../../model/graph.ts";
import { isPlainObject, Ref, setOwn, Unknown, type Value, type ValueObject } from "../../model/value.ts";
import type { Diagnostic } from "../../spec/diagnostics.ts";
import { readSourceFile } from "../read-source-file.ts";
import { STATIC_DATA_SOURCES, type StaticDataSource } from "./data-sources/index.ts";
import { evaluateBody } from "./evaluate-body.ts";
import {
  evaluate,
  iterationPairs,
  LocatedEvaluationError,
  type Scope,
  type TraversalStep,
  unknownFrom,
} from "./evaluate-expression.ts";
import { callFunction, type FunctionContext } from "./functions/index.ts";
import { parseTemplate } from "./hcl/parse-hcl.ts";
import type { Attribute, Expression, Position } from "./hcl/syntax.ts";
import { argument, at, fileOf, type ModuleConfig, type ResourceDeclaration } from "./load-module.ts";
import { asNumber, asString, EvaluationError, isPending } from "./values.ts";
import { convertToType, readVariableType } from "./variable-type.ts";

/** How many instances a `count`/`for_each` declares. */
export type Expansion =
  | { kind: "single" }
  | { kind: "count"; count: number }
  | { kind: "for_each"; entries: Array<[string, Value]> }
  | { kind: "unknown"; reason: string };

/** The `each`/`count` of one resource or module instance. */
export interface InstanceKey {
  each?: { key: Value; value: Value };
  countIndex?: Value;
}

/** A provider configuration as a module instance sees it. */
export interface ProviderConfig {
  key: string;
  /** The evaluated `region` argument (AWS, Google); absent when not set. */
  region?: Value;
}

export interface ModuleInstanceOptions {
  config: ModuleConfig;
  /** `""` for the root, `module.net.`, `module.net["a"].module.sub.` for children. */
  prefix: string;
  /** The root module's directory: files and paths are relative to it, as Terraform runs there. */
  rootDirectory: string;
  /** Values for the module's variables: the root's inputs, or a child's module-block arguments. */
  inputs: ReadonlyMap<string, () => Value>;
  providers: ReadonlyMap<string, ProviderConfig>;
  /** Directives of the module blocks that led here; they apply to every resource inside. */
  directives: Directive[];
  warnings: Diagnostic[];
  /** Loads a child module's configuration by its `source`, or undefined (with a warning) when it cannot. */
  loadChild: (source: string, from: ModuleConfig, location: SourceLocation) => ModuleConfig | undefined;
  /** Module directories on the way here, to refuse a module that calls itself. */
  ancestors: ReadonlyArray<string>;
}

/**
 * One instance of a module (the root, or one `count`/`for_each` instance of a module call): the scope
 * its expressions are evaluated in. Variables, locals and outputs are evaluated on first use and kept,
 * so declaration order does not matter; a value that refers to itself becomes unknown with a warning.
 */
export class ModuleInstance {
  readonly options: ModuleInstanceOptions;
  readonly #values = new Map<string, Value>();
  readonly #evaluating = new Set<string>();
  readonly #expansions = new Map<string, Expansion>();
  readonly #children = new Map<string, Array<{ key: string; instance: ModuleInstance }>>();
  readonly #functions: FunctionContext;
  readonly providers: Map<string, ProviderConfig>;

  constructor(options: ModuleInstanceOptions) {
    this.options = options;
    this.#functions = this.#functionContext();
    this.providers = new Map(options.providers);
    for (const provider of options.config.providers) {
      const region = argument(provider.block, "region");
      this.providers.set(provider.key, {
        key: provider.key,
        ...(region ? { region: this.evaluate(region.expression, fileOf(region, provider.file)) } : {}),
      });
    }
  }

  get config(): ModuleConfig {
    return this.options.config;
  }

  /** Evaluates an expression of this module; errors become a warning and an `Unknown`. */
  evaluate(
    expression: Expression,
    file: string,
    key: InstanceKey = {},
    bindings?: ReadonlyMap<string, Value>,
  ): Value {
    try {
      return evaluate(expression, this.scope(file, key), bindings);
    } catch (error) {
      if (!(error instanceof LocatedEvaluationError)) throw error;
      this.warn(`${error.message}; the value is read as unknown.`, { file, ...error.pos });
      return new Unknown(error.message);
    }
  }

  warn(message: string, location: SourceLocation): void {
    this.options.warnings.push({ severity: "warning", message, location });
  }

  scope(file: string, key: InstanceKey = {}): Scope {
    return {
      file,
      resolve: (root, steps, pos) => this.#resolve(root, steps, pos, key),
      call: (name, args) => callFunction(name, args, this.#functions),
    };
  }

  variable(name: string): Value {
    return this.#memo(`var.${name}`, () => {
      const declared = this.config.variables.get(name);
      if (!declared) throw new EvaluationError(`There is no variable \`${name}\` in ${this.config.display}`);
      const typeArgument = argument(declared.block, "type");
      const type = readVariableType(typeArgument?.expression);
      const input = this.options.inputs.get(name);
      const fallback = argument(declared.block, "default");
      let value: Value;
      if (input) value = input();
      else if (fallback) value = this.evaluate(fallback.expression, fileOf(fallback, declared.file));
      else return new Unknown(`the variable ${name} has no value`);
      try {
        return convertToType(
          value,
          type,
          this.scope(typeArgument ? fileOf(typeArgument, declared.file) : declared.file),
        );
      } catch (error) {
        if (!(error instanceof EvaluationError)) throw error;
        const [message, location] = misfitOf(name, input ? undefined : fallback, typeArgument, declared.file);
        this.warn(`${message}: ${error.message}.`, location ?? declared.location);
        return new Unknown(`the variable ${name} does not fit its type`);
      }
    });
  }

  local(name: string): Value {
    return this.#memo(`local.${name}`, () => {
      const declared = this.config.locals.get(name);
      if (!declared)
        throw new EvaluationError(`There is no local value \`${name}\` in ${this.config.display}`);
      return this.evaluate(declared.expression, declared.file);
    });
  }

  output(name: string): Value {
    return this.#memo(`output.${name}`, () => {
      const declared = this.config.outputs.get(name);
      if (!declared) throw new EvaluationError(`The module ${this.config.display} has no output \`${name}\``);
      const value = argument(declared.block, "value");
      return value ? this.evaluate(value.expression, fileOf(value, declared.file)) : null;
    });
  }

  outputs(): ValueObject {
    const out: ValueObject = {};
    for (const name of this.config.outputs.keys()) setOwn(out, name, this.output(name));
    return out;
  }

  /** How many instances a resource or module call declares through `count`/`for_each`. */
  expansion(
    kind: "resource" | "module" | "data",
    id: string,
    block: ResourceDeclaration["block"],
    file: string,
  ): Expansion {
    const cacheKey = `${kind}.${id}`;
    const cached = this.#expansions.get(cacheKey);
    if (cached) return cached;
    const result = this.#expand(block, file, kind === "resource" ? id : `${kind}.${id}`);
    this.#expansions.set(cacheKey, result);
    return result;
  }

  #expand(block: ResourceDeclaration["block"], file: string, what: string): Expansion {
    const count = argument(block, "count");
    const forEach = argument(block, "for_each");
    if (count && forEach) {
      this.warn(`\`${what}\` sets both count and for_each; count is used.`, at(file, count));
    }
    if (count) {
      const value = this.evaluate(count.expression, fileOf(count, file));
      if (isPending(value)) return { kind: "unknown", reason: unknownFrom(value, "count").reason };
      try {
        const n = asNumber(value, "count");
        if (!Number.isInteger(n) || n < 0)
          throw new EvaluationError(`count must be a whole number ≥ 0, not ${n}`);
        return { kind: "count", count: n };
      } catch (error) {
        if (!(error instanceof EvaluationError)) throw error;
        this.warn(`${error.message}; \`${what}\` is read as one instance.`, at(file, count));
        return { kind: "unknown", reason: error.message };
      }
    }
    if (forEach) {
      const value = this.evaluate(forEach.expression, fileOf(forEach, file));
      if (isPending(value)) return { kind: "unknown", reason: unknownFrom(value, "for_each").reason };
      try {
        if (!Array.isArray(value) && !isPlainObject(value))
          throw new EvaluationError("for_each needs a map or a set of strings");
        const pending = Array.isArray(value) ? value.find((v) => isPending(v)) : undefined;
        if (pending !== undefined)
          return { kind: "unknown", reason: unknownFrom(pending, "for_each").reason };
        const entries: Array<[string, Value]> = Array.isArray(value)
          ? value.map((v) => [asString(v, "for_each element"), v])
          : iterationPairs(value).map(([k, v]) => [k as string, v]);
        return { kind: "for_each", entries };
      } catch (error) {
        if (!(error instanceof EvaluationError)) throw error;
        this.warn(`${error.message}; \`${what}\` is read as one instance.`, at(file, forEach));
        return { kind: "unknown", reason: error.message };
      }
    }
    return { kind: "single" };
  }

  /** The instances of a module call, created once. */
  children(name: string): Array<{ key: string; instance: ModuleInstance }> {
    const cached = this.#children.get(name);
    if (cached) return cached;
    this.#children.set(name, []);
    const call = this.config.moduleCalls.find((m) => m.name === name);
    if (!call) throw new EvaluationError(`There is no module \`${name}\` in ${this.config.display}`);
    const source = argument(call.block, "source");
    const sourceText = source ? this.evaluate(source.expression, fileOf(source, call.file)) : undefined;
    if (typeof sourceText !== "string") {
      this.warn(
        `The module \`${name}\` has no literal \`source\`; its resources are not read.`,
        call.location,
      );
      return [];
    }
    const config = this.options.loadChild(sourceText, this.config, call.location);
    if (!config) return [];
    if ([...this.options.ancestors, this.config.directory].includes(config.directory)) {
      this.warn(
        `The module \`${name}\` calls a module that contains it; it is not read again.`,
        call.location,
      );
      return [];
    }
    const expansion = this.expansion("module", name, call.block, call.file);
    const keys: Array<{ suffix: string; key: InstanceKey }> = instanceKeys(expansion);
    const instances = keys.map(({ suffix, key }) => {
      const inputs = new Map<string, () => Value>();
      for (const attribute of call.block.body.attributes) {
        if (MODULE_META_ARGUMENTS.has(attribute.name)) continue;
        if (!config.variables.has(attribute.name)) {
          this.warn(
            `The module ${config.display} has no variable \`${attribute.name}\`; the argument is ignored.`,
            at(call.file, attribute),
          );
          continue;
        }
        inputs.set(attribute.name, () =>
          this.evaluate(attribute.expression, fileOf(attribute, call.file), key),
        );
      }
      const instance = new ModuleInstance({
        ...this.options,
        config,
        prefix: `${this.options.prefix}module.${name}${suffix}.`,
        inputs,
        providers: this.#childProviders(call.block),
        directives: [...this.options.directives, ...call.directives],
        ancestors: [...this.options.ancestors, this.config.directory],
      });
      return { key: suffix, instance };
    });
    this.#children.set(name, instances);
    return instances;
  }

  /** Providers a child sees: all of this module's, renamed by the call's `providers = { aws = aws.west }`. */
  #childProviders(block: ResourceDeclaration["block"]): Map<string, ProviderConfig> {
    const providers = new Map(this.providers);
    const mapping = argument(block, "providers")?.expression;
    if (mapping?.kind === "object") {
      for (const item of mapping.items) {
        const childKey = traversalName(item.key);
        const parentKey = traversalName(item.value);
        const config = parentKey ? this.providers.get(parentKey) : undefined;
        if (childKey && config) providers.set(childKey, { ...config, key: childKey });
      }
    }
    return providers;
  }

  #resolve(root: string, steps: ReadonlyArray<TraversalStep>, pos: Position, key: InstanceKey) {
    const first = steps[0];
    const name = first?.kind === "attr" ? String(first.key) : undefined;
    const located = <T>(fn: () => T): T => {
      try {
        return fn();
      } catch (error) {
        if (error instanceof EvaluationError && !(error instanceof LocatedEvaluationError))
          throw new LocatedEvaluationError(error.message, first?.pos ?? pos);
        throw error;
      }
    };
    switch (root) {
      case "var":
        return name === undefined ? undefined : { value: located(() => this.variable(name)), used: 1 };
      case "local":
        return name === undefined ? undefined : { value: located(() => this.local(name)), used: 1 };
      case "module":
        return name === undefined ? undefined : located(() => this.#moduleValue(name, steps));
      case "data": {
        const id = steps
          .slice(0, 2)
          .map((s) => String(s.key))
          .join(".");
        const declared = this.config.dataSources.get(id);
        const computed = declared && STATIC_DATA_SOURCES.get(declared.type);
        if (declared && computed && steps[1]?.kind === "attr")
          return { value: located(() => this.#dataSourceValue(declared, computed)), used: 2 };
        return {
          value: new Unknown(`the data source data.${id} is read only when Terraform runs`),
          used: steps.length,
        };
      }
      case "path": {
        const base = name === "module" ? this.config.directory : this.options.rootDirectory;
        return { value: relative(this.options.rootDirectory, base) || ".", used: 1 };
      }
      case "terraform":
        return { value: name === "workspace" ? "default" : new Unknown(`terraform.${name}`), used: 1 };
      case "each":
        if (!key.each) return undefined;
        return { value: name === "key" ? key.each.key : name === "value" ? key.each.value : null, used: 1 };
      case "count":
        if (key.countIndex === undefined) return undefined;
        return { value: key.countIndex, used: 1 };
      case "self":
        return { value: new Unknown("self is known only when Terraform runs"), used: steps.length };
    }
    if (name === undefined) return undefined;
    const resource = this.config.resources.find((r) => r.type === root && r.name === name);
    if (!resource) {
      if (!root.includes("_")) return undefined;
      throw new LocatedEvaluationError(
        `There is no resource \`${root}.${name}\` in ${this.config.display}`,
        pos,
      );
    }
    return { value: this.resourceValue(resource), used: 1 };
  }

  /** `module.x` (all outputs), `module.x.out` (one), or the list/map of instances' outputs. */
  #moduleValue(name: string, steps: ReadonlyArray<TraversalStep>): { value: Value; used: number } {
    const call = this.config.moduleCalls.find((m) => m.name === name);
    if (!call) throw new EvaluationError(`There is no module \`${name}\` in ${this.config.display}`);
    const expansion = this.expansion("module", name, call.block, call.file);
    const instances = this.children(name);
    if (expansion.kind === "unknown")
      return { value: new Unknown(`module.${name} has an unknown number of instances`), used: steps.length };
    if (expansion.kind === "single") {
      const instance = instances[0]?.instance;
      const output = steps[1];
      if (!instance) return { value: new Unknown(`module.${name} was not read`), used: steps.length };
      if (output?.kind === "attr") return { value: instance.output(String(output.key)), used: 2 };
      return { value: instance.outputs(), used: 1 };
    }
    if (expansion.kind === "count") return { value: instances.map((i) => i.instance.outputs()), used: 1 };
    const out: ValueObject = {};
    expansion.entries.forEach(([k], i) => {
      const instance = instances[i]?.instance;
      if (instance) setOwn(out, k, instance.outputs());
    });
    return { value: out, used: 1 };
  }

  /** A resource as other expressions see it: a reference, or a list/map of references per instance. */
  resourceValue(resource: ResourceDeclaration): Value {
    const address = `${this.options.prefix}${resource.type}.${resource.name}`;
    const expansion = this.expansion(
      "resource",
      `${resource.type}.${resource.name}`,
      resource.block,
      resource.file,
    );
    switch (expansion.kind) {
      case "single":
        return new Ref(address, []);
      case "unknown":
        return new Unknown(`the instances of ${address} are known only after apply`);
      case "count":
        return Array.from({ length: expansion.count }, (_, i) => new Ref(`${address}[${i}]`, []));
      case "for_each": {
        const out: ValueObject = {};
        for (const [k] of expansion.entries) setOwn(out, k, new Ref(`${address}${formatKey(k)}`, []));
        return out;
      }
    }
  }

  /** A data source plinth computes (see `STATIC_DATA_SOURCES`), per instance as `resourceValue` has them. */
  #dataSourceValue(declared: ResourceDeclaration, source: StaticDataSource): Value {
    const id = `${declared.type}.${declared.name}`;
    return this.#memo(`data.${id}`, () => {
      const instance = (key: InstanceKey): Value => {
        const body = evaluateBody(this, declared.block.body, declared.file, key, source.schema);
        if (body.incomplete) return new Unknown(body.incomplete);
        try {
          return source.evaluate(body.properties);
        } catch (error) {
          if (!(error instanceof EvaluationError)) throw error;
          this.warn(`\`data.${id}\` cannot be evaluated: ${error.message}.`, declared.location);
          return new Unknown(error.message);
        }
      };
      const expansion = this.expansion("data", id, declared.block, declared.file);
      switch (expansion.kind) {
        case "single":
          return instance({});
        case "unknown":
          return new Unknown(`the instances of data.${id} are known only after apply`);
        case "count":
          return instanceKeys(expansion).map(({ key }) => instance(key));
        case "for_each": {
          const out: ValueObject = {};
          for (const { key } of instanceKeys(expansion)) setOwn(out, String(key.each?.key), instance(key));
          return out;
        }
      }
    });
  }

  #memo(key: string, compute: () => Value): Value {
    if (this.#values.has(key)) return this.#values.get(key) as Value;
    if (this.#evaluating.has(key)) throw new EvaluationError(`\`${key}\` refers to itself`);
    this.#evaluating.add(key);
    try {
      const value = compute();
      this.#values.set(key, value);
      return value;
    } finally {
      this.#evaluating.delete(key);
    }
  }

  #functionContext(): FunctionContext {
    const root = this.options.rootDirectory;
    const confined = (path: string): string => {
      const absolute = isAbsolute(path) ? path : resolve(root, path);
      const real = existsSync(absolute) ? realpathSync(absolute) : absolute;
      const allowed = [this.config.directory, root].map((d) => (existsSync(d) ? realpathSync(d) : d));
      if (!allowed.some((d) => real === d || real.startsWith(d + sep)))
        throw new EvaluationError(
          `the path \`${path}\` is outside the module's directory, so plinth does not read it`,
        );
      return real;
    };
    return {
      readFile: (path) => {
        const real = confined(path);
        if (!existsSync(real)) throw new EvaluationError(`there is no file \`${path}\``);
        return readSourceFile(real, path);
      },
      fileExists: (path) => existsSync(confined(path)),
      renderTemplate: (text, file, vars) => {
        const template = parseTemplate(text, file);
        const bindings = new Map(Object.entries(isPlainObject(vars) ? vars : {}));
        const scope: Scope = {
          file,
          resolve: () => undefined,
          call: (name, args) => callFunction(name, args, this.#functions),
        };
        return evaluate(template, scope, bindings);
      },
    };
  }
}

/**
 * How to word a variable value that does not fit its type, and where to point: at an override file's
 * `default` or `type` when one of them (not both) came from an override file, as Terraform words it.
 */
function misfitOf(
  name: string,
  fallback: Attribute | undefined,
  type: Attribute | undefined,
  declaredIn: string,
): [string, SourceLocation | undefined] {
  if (fallback?.file && !type?.file)
    return [
      `The default of the variable \`${name}\` set in ${fallback.file} does not fit its type`,
      at(declaredIn, fallback),
    ];
  if (fallback && type?.file && !fallback.file)
    return [
      `The type of the variable \`${name}\` set in ${type.file} does not fit its default`,
      at(declaredIn, type),
    ];
  return [`The value of the variable \`${name}\` does not fit its type`, undefined];
}

const MODULE_META_ARGUMENTS = new Set(["source", "version", "count", "for_each", "providers", "depends_on"]);

/** The `suffix` (`[0]`, `["a"]`) and `each`/`count` of every instance of an expansion. */
export function instanceKeys(expansion: Expansion): Array<{ suffix: string; key: InstanceKey }> {
  switch (expansion.kind) {
    case "single":
      return [{ suffix: "", key: {} }];
    case "unknown":
      return [
        {
          suffix: "",
          key: {
            each: { key: new Unknown(expansion.reason), value: new Unknown(expansion.reason) },
            countIndex: new Unknown(expansion.reason),
          },
        },
      ];
    case "count":
      return Array.from({ length: expansion.count }, (_, i) => ({
        suffix: `[${i}]`,
        key: { countIndex: i },
      }));
    case "for_each":
      return expansion.entries.map(([k, value]) => ({
        suffix: formatKey(k),
        key: { each: { key: k, value } },
      }));
  }
}

/** An instance key as Terraform writes it in addresses: `[0]`, `["logs"]`. */
export function formatKey(key: string | number): string {
  return typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** `aws.west` from the expression `aws.west`, `aws` from `aws`. */
export function traversalName(expression: Expression): string | undefined {
  if (expression.kind === "variable") return expression.name;
  if (expression.kind === "literal" && typeof expression.value === "string") return expression.value;
  if (expression.kind === "getattr") {
    const base = traversalName(expression.object);
    return base ? `${base}.${expression.name}` : undefined;
  }
  return undefined;
}
