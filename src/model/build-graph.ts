import { ProviderSchemas } from "../catalog/provider-schemas.ts";
import type { Diagnostic } from "../spec/diagnostics.ts";
import type { SpecDocument } from "../spec/load-spec.ts";
import { resolveEnvironment } from "../spec/resolve-environment.ts";
import type { ResolvedSpec } from "../spec/types.ts";
import type { Cloud, ResourceGraph } from "./graph.ts";
import { lowerSpec } from "./lower/lower-spec.ts";

export interface BuildOptions {
  env?: string | undefined;
  cloud?: Cloud | undefined;
  schemas?: ProviderSchemas;
}

export interface BuiltGraph {
  spec: ResolvedSpec;
  graph: ResourceGraph;
  warnings: Diagnostic[];
}

/** A checked spec document → one environment's resolved spec and resource graph. */
export function buildGraph(doc: SpecDocument, options: BuildOptions = {}): BuiltGraph {
  const schemas = options.schemas ?? new ProviderSchemas();
  const { spec, warnings } = resolveEnvironment(doc, { env: options.env, cloud: options.cloud, schemas });
  const lowered = lowerSpec(spec, { schemas });
  return { spec, graph: lowered.graph, warnings: [...warnings, ...lowered.warnings] };
}
