import { InputError } from "../../errors.ts";
import type { ResourceGraph } from "../../model/graph.ts";
import type { Diagnostic } from "../../spec/diagnostics.ts";
import type { ReadInfrastructureOptions } from "../read-infrastructure.ts";

export function readPlan(
  _text: string,
  _path: string,
  options: ReadInfrastructureOptions,
): { graphs: ResourceGraph[]; warnings: Diagnostic[] } {
  throw new InputError(`plinth cannot read Terraform plans yet (${options.display}).`);
}
