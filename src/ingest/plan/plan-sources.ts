import { join, resolve } from "node:path";
import type { SourceLocation } from "../../errors.ts";
import type { Directive } from "../../model/graph.ts";
import { formatPath } from "../../model/value.ts";
import type { Diagnostic } from "../../spec/diagnostics.ts";
import type { Body } from "../terraform/hcl/syntax.ts";
import { argument, at, fileOf, loadModule, type ModuleConfig } from "../terraform/load-module.ts";

export interface LocatedResource {
  source: SourceLocation;
  attributeSources: Record<string, SourceLocation>;
  directives: Directive[];
}

/**
 * The `.tf` files a plan was made from, to point its resources at their lines: a plan's `configuration`
 * names modules and resources but not where they are written. Modules are followed by local `source`.
 */
export class PlanSources {
  readonly #root: ModuleConfig | undefined;
  readonly #modules = new Map<string, ModuleConfig | undefined>();
  readonly #warnings: Diagnostic[];
  readonly #display: string;

  constructor(directory: string, display: string, warnings: Diagnostic[]) {
    this.#warnings = warnings;
    this.#display = display;
    this.#root = loadModule(resolve(directory), display, warnings);
  }

  /** Where `module.a["x"].aws_s3_bucket.b[0]` is declared, or undefined when the source is not there. */
  locate(address: string, type: string, name: string): LocatedResource | undefined {
    const calls = [...address.matchAll(/module\.([A-Za-z0-9_-]+)(?:\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?\./g)].map(
      (m) => m[1] as string,
    );
    let module = this.#root;
    const directives: Directive[] = [];
    for (const call of calls) {
      const declared = module?.moduleCalls.find((m) => m.name === call);
      if (!module || !declared) return undefined;
      directives.push(...declared.directives);
      const source = argument(declared.block, "source")?.expression;
      const path =
        source?.kind === "template" && typeof source.parts[0] === "string" ? source.parts[0] : undefined;
      if (!path || !(path.startsWith("./") || path.startsWith("../"))) return undefined;
      module = this.#child(module, path);
    }
    const resource = module?.resources.find((r) => r.type === type && r.name === name);
    if (!resource) return undefined;
    return {
      source: resource.location,
      attributeSources: positions(resource.block.body, resource.file, []),
      directives: [...directives, ...resource.directives],
    };
  }

  #child(parent: ModuleConfig, path: string): ModuleConfig | undefined {
    const directory = resolve(parent.directory, path);
    if (!this.#modules.has(directory)) {
      try {
        this.#modules.set(directory, loadModule(directory, join(parent.display, path), this.#warnings));
      } catch {
        this.#modules.set(directory, undefined);
      }
    }
    return this.#modules.get(directory);
  }

  get display(): string {
    return this.#display;
  }
}

/** Argument and block lines as written (blocks numbered in order; `dynamic` blocks by their content). */
function positions(body: Body, file: string, path: Array<string | number>): Record<string, SourceLocation> {
  const out: Record<string, SourceLocation> = {};
  for (const attribute of body.attributes)
    out[formatPath([...path, attribute.name]).slice(1)] = at(file, attribute);
  const counts = new Map<string, number>();
  for (const block of body.blocks) {
    const type = block.type === "dynamic" ? block.labels[0] : block.type;
    if (!type) continue;
    const index = counts.get(type) ?? 0;
    counts.set(type, index + 1);
    const blockPath = [...path, type, index];
    out[formatPath(blockPath).slice(1)] = at(file, block);
    const content =
      block.type === "dynamic" ? block.body.blocks.find((b) => b.type === "content")?.body : block.body;
    if (content) Object.assign(out, positions(content, fileOf(block, file), blockPath));
  }
  return out;
}
