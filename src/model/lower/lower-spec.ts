import { createRequire } from "node:module";
import { ProviderSchemas } from "../../catalog/provider-schemas.ts";
import type { Diagnostic } from "../../spec/diagnostics.ts";
import { DiagnosticBag } from "../../spec/diagnostics.ts";
import { referencesOf, type SpecValue } from "../../spec/expressions.ts";
import type { Component, ResolvedSpec } from "../../spec/types.ts";
import type { Cloud, ResourceGraph } from "../graph.ts";
import { type ComponentLowerings, type LoweredComponent, LoweringContext } from "./context.ts";
import { lowerNative } from "./native.ts";

const requireModule = createRequire(import.meta.url);

/**
 * How each portable component type becomes native resources on `cloud`. A cloud's lowerings are a
 * dozen modules or more: they load on first use, so a spec pays only for its own cloud's, and a spec
 * of native resources alone for none.
 */
function loweringsOf(cloud: Cloud): ComponentLowerings {
  switch (cloud) {
    case "aws":
      return (requireModule("./aws/index.ts") as typeof import("./aws/index.ts")).AWS_LOWERINGS;
    case "gcp":
      return (requireModule("./gcp/index.ts") as typeof import("./gcp/index.ts")).GCP_LOWERINGS;
    case "azure":
      return (requireModule("./azure/index.ts") as typeof import("./azure/index.ts")).AZURE_LOWERINGS;
  }
}

export interface LowerOptions {
  schemas?: ProviderSchemas;
}

export interface Lowered {
  graph: ResourceGraph;
  warnings: Diagnostic[];
}

/**
 * Lowers a resolved spec to the resource graph of its cloud: components in dependency order, each to
 * its native resources, references to native attributes, outputs likewise. Deterministic.
 */
export function lowerSpec(spec: ResolvedSpec, options: LowerOptions = {}): Lowered {
  const bag = new DiagnosticBag();
  const ctx = new LoweringContext(spec, options.schemas ?? new ProviderSchemas(), bag);
  for (const component of componentOrder(spec.components)) {
    const lowered = component.type === "native" ? lowerNative(component, ctx) : lowerPortable(component, ctx);
    ctx.lowered.set(component.name, lowered);
  }
  // `dependsOn: [x]` makes every resource of the component wait for every resource of x.
  for (const component of spec.components) {
    if (component.dependsOn.length === 0) continue;
    const targets = component.dependsOn.flatMap((name) => ctx.addressesOf(name));
    if (targets.length === 0) continue;
    for (const address of ctx.addressesOf(component.name)) ctx.nodes.get(address)?.dependsOn.push(...targets);
  }
  bag.throwIfErrors();

  const graph: ResourceGraph = {
    app: spec.app,
    env: spec.env,
    cloud: spec.cloud,
    region: spec.region,
    nodes: [...ctx.nodes.values()].sort((a, b) => compare(a.address, b.address)),
    variables: [...ctx.variables.values()].sort((a, b) => compare(a.name, b.name)),
    outputs: Object.entries(spec.outputs).map(([name, value]) => ({ name, value: ctx.value(value) })),
  };
  return { graph, warnings: bag.warnings };
}

/** A portable component (bucket, database…) → its cloud's native resources. */
function lowerPortable(component: Component, ctx: LoweringContext): LoweredComponent {
  const lower = loweringsOf(ctx.cloud)[component.type as keyof ComponentLowerings] as (
    c: Component,
    ctx: LoweringContext,
  ) => LoweredComponent;
  return lower(component, ctx);
}

/** Components after the components they reference; otherwise in document order. */
function componentOrder(components: Component[]): Component[] {
  const byName = new Map(components.map((c) => [c.name, c]));
  const placed = new Set<string>();
  const ordered: Component[] = [];
  const dependenciesOf = (c: Component) => [
    ...referencesOf(c.props as Record<string, SpecValue>).map((r) => r.component),
    ...c.dependsOn,
  ];
  // The spec checks already refused cycles, so this loop always places every component.
  while (ordered.length < components.length) {
    for (const component of components) {
      if (placed.has(component.name)) continue;
      if (dependenciesOf(component).every((d) => placed.has(d) || !byName.has(d))) {
        placed.add(component.name);
        ordered.push(component);
      }
    }
  }
  return ordered;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
