import { detectInput } from "../ingest/detect-input.ts";
import { type ReadInfrastructureOptions, readInfrastructure } from "../ingest/read-infrastructure.ts";
import { buildGraph } from "../model/build-graph.ts";
import type { ResourceGraph } from "../model/graph.ts";
import type { Diagnostic } from "../spec/diagnostics.ts";
import { parseSpec, type SpecDocument } from "../spec/load-spec.ts";

/** What `plinth cost` prices: the graphs of one input, and the spec when the input is a plinth.yaml. */
export interface CostInput {
  graphs: ResourceGraph[];
  /** `shop (prod, aws)` or the path. */
  title: string;
  doc?: SpecDocument;
  env?: string;
  warnings: Diagnostic[];
}

/**
 * Reads the input of `plinth cost`: a plinth.yaml (or a directory holding one) for one environment —
 * whose `budgets:` and `usage:` then apply — or existing Terraform source, a plan JSON or a
 * CloudFormation template, through the same reader as `plinth inspect` and `plinth policy check`.
 */
export function readCostInput(
  path: string,
  display: string,
  options: ReadInfrastructureOptions = {},
): CostInput {
  const detected = detectInput(path, display);
  if (detected.kind === "plinth") {
    const specDisplay = detected.file ? `${display}/plinth.yaml` : display;
    const doc = parseSpec(detected.text ?? "", specDisplay);
    const { graph, spec, warnings } = buildGraph(doc, { env: options.env });
    return {
      graphs: [graph],
      title: `${spec.app} (${spec.env}, ${spec.cloud})`,
      doc,
      env: spec.env,
      warnings,
    };
  }
  const { graphs, warnings } = readInfrastructure(path, { ...options, display });
  return { graphs, title: display, warnings };
}
