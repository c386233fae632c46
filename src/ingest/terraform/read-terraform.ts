import { InputError } from "../../errors.ts";
import type { ResourceGraph } from "../../model/graph.ts";
import type { Diagnostic } from "../../spec/diagnostics.ts";
import type { ReadInfrastructureOptions } from "../read-infrastructure.ts";

export function readTerraform(
  _directory: string,
  options: ReadInfrastructureOptions,
): { graphs: ResourceGraph[]; warnings: Diagnostic[] } {
  throw new InputError(`plinth cannot read  string:Terraform directories yet (${options.display}).`);
}
