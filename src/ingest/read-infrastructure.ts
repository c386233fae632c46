import { join, resolve } from "node:path";
import { ProviderSchemas } from "../catalog/provider-schemas.ts";
import { buildGraph } from "../model/build-graph.ts";
import type { ResourceGraph } from "../model/graph.ts";
import type { Diagnostic } from "../spec/diagnostics.ts";
import { parseSpec } from "../spec/load-spec.ts";
import { environmentNames } from "../spec/resolve-environment.ts";
import { readTemplate } from "./cloudformation/read-template.ts";
import { detectInput, type InfrastructureKind } from "./detect-input.ts";
import { readPlan } from "./plan/read-plan.ts";
import { readTerraform } from "./terraform/read-terraform.ts";

export type { InfrastructureKind } from "./detect-input.ts";

export interface ReadInfrastructureOptions {
  /** plinth.yaml: read only this environment (default: every environment, one graph each). */
  env?: string | undefined;
  /**
   * Input values by name, as text: Terraform `-var name=value` (read as Terraform reads it for the
   * variable's type) and CloudFormation parameter overrides. They win over files and defaults.
   */
  vars?: Readonly<Record<string, string>> | undefined;
  /**
   * Terraform `-var-file`s (`*.tfvars`, `*.tfvars.json`), applied in order after `terraform.tfvars`
   * and `*.auto.tfvars`, which are loaded automatically as Terraform does.
   */
  varFiles?: ReadonlyArray<string> | undefined;
  /**
   * Plan JSON: the directory of the `.tf` files it was planned from, to map resources to their lines
   * (default: the plan's own directory when it holds `.tf` files).
   */
  source?: string | undefined;
  /**
   * How to name `path` in messages and in every `SourceLocation.file` (default: `path`). Files inside
   * a directory are named `display/relative/path.tf`, so a CLI passes the path as the user typed it.
   */
  display?: string | undefined;
  /** Bundled provider schemas (shared between calls to read them once). */
  schemas?: ProviderSchemas | undefined;
}

export interface Infrastructure {
  kind: InfrastructureKind;
  /**
   * One graph per plinth environment, per Terraform root module (a directory whose `.tf` files no other
   * directory calls as a module), or one for a plan or a template. Nodes carry `origin`, `source`,
   * `attributeSources`, `region` (when known) and `directives`.
   */
  graphs: ResourceGraph[];
  /** Things read but not fully understood (unmapped types, duplicate blocks, undecidable conditions). */
  warnings: Diagnostic[];
}

/**
 * Reads existing infrastructure code into plinth's resource graph: a plinth.yaml, a directory of
 * Terraform `.tf` files (without `terraform init`), a Terraform plan JSON (`terraform show -json`) or a
 * CloudFormation template (YAML or JSON). What it is comes from the path and the document itself.
 * Bad input throws an `InputError`/`SpecError` whose message is one sentence with file:line.
 */
export function readInfrastructure(path: string, options: ReadInfrastructureOptions = {}): Infrastructure {
  const absolute = resolve(path);
  const display = options.display ?? path;
  const detected = detectInput(absolute, display);
  const schemas = options.schemas ?? new ProviderSchemas();
  switch (detected.kind) {
    case "plinth":
      return readPlinthSpec(
        detected.text ?? "",
        detected.file ? join(display, "plinth.yaml") : display,
        options.env,
        schemas,
      );
    case "terraform":
      return { kind: "terraform", ...readTerraform(absolute, { ...options, display, schemas }) };
    case "terraform-plan":
      return {
        kind: "terraform-plan",
        ...readPlan(detected.text ?? "", absolute, { ...options, display, schemas }),
      };
    case "cloudformation":
      return {
        kind: "cloudformation",
        ...readTemplate(detected.text ?? "", { ...options, display, schemas }),
      };
  }
}

function readPlinthSpec(
  text: string,
  display: string,
  env: string | undefined,
  schemas: ProviderSchemas,
): Infrastructure {
  const doc = parseSpec(text, display);
  const graphs: ResourceGraph[] = [];
  const warnings: Diagnostic[] = [];
  for (const name of env ? [env] : environmentNames(doc)) {
    const built = buildGraph(doc, { env: name, schemas });
    graphs.push(built.graph);
    warnings.push(...built.warnings);
  }
  return { kind: "plinth", graphs, warnings };
}
