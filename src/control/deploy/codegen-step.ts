import type { ArtifactRef } from "../../artifacts/artifact-store.ts";
import type { ProviderSchemas } from "../../catalog/provider-schemas.ts";
import { UnsupportedByFormatError } from "../../codegen/errors.ts";
import { type Format, generate } from "../../codegen/generate.ts";
import type { Cloud } from "../../model/graph.ts";
import { encodeGraph } from "../../model/graph-json.ts";
import { POLICY_CONFIG_FILE } from "../../policy/policy-config.ts";
import type { CodeFormat, CodegenOutput, DeployRequest, StepInput } from "./contracts.ts";
import type { SpecSource, StepDependencies } from "./deploy-dependencies.ts";
import { besideSpec, loadEnvironment } from "./load-environment.ts";
import { recordStep } from "./record-step.ts";
import { putJson, runArtifact } from "./run-artifacts.ts";

export interface CodegenStepInput extends Omit<StepInput, "principal"> {
  detail: DeployRequest;
}

export interface CodegenDependencies extends StepDependencies {
  specs: SpecSource;
  schemas: ProviderSchemas;
}

/** The projects generated per cloud: Terraform always, the cloud's own format where it has one. */
const FORMATS: Readonly<Record<Cloud, ReadonlyArray<[Format, CodeFormat]>>> = {
  aws: [
    ["terraform", "terraform-hcl"],
    ["cloudformation", "cloudformation-yaml"],
  ],
  gcp: [["terraform", "terraform-hcl"]],
  azure: [
    ["terraform", "terraform-hcl"],
    ["bicep", "bicep"],
  ],
};

/**
 * The deploy's first step: reads and validates the spec the request names, lowers the environment,
 * and keeps what later steps and later scans need as artifacts of the run: the spec as deployed, the
 * graph, plinth-policy.yaml if one is beside the spec, and the generated code. A format that cannot
 * express a type yet is reported as skipped; Terraform must succeed.
 */
export async function codegenStep(
  input: CodegenStepInput,
  deps: CodegenDependencies,
): Promise<CodegenOutput & { skipped: Array<{ format: CodeFormat; reason: string }> }> {
  const loaded = await loadEnvironment(
    deps.specs,
    { ...input.detail, env: input.env },
    deps.schemas,
    deps.documents,
  );
  const key = (name: string) => runArtifact(input.runId, name);
  const spec = await deps.artifacts.put(key("plinth.yaml"), loaded.text, "application/yaml");
  const policyText = await deps.specs.read(besideSpec(loaded.path, POLICY_CONFIG_FILE));
  const policyConfig =
    policyText === undefined
      ? undefined
      : await deps.artifacts.put(key(POLICY_CONFIG_FILE), policyText, "application/yaml");
  const graph = await putJson(deps.artifacts, key("graph.json"), encodeGraph(loaded.graph));
  const artifacts: Array<{ format: CodeFormat; ref: ArtifactRef }> = [];
  const skipped: Array<{ format: CodeFormat; reason: string }> = [];
  for (const [format, name] of FORMATS[loaded.graph.cloud]) {
    try {
      const files = Object.fromEntries(generate(loaded.graph, format, { schemas: deps.schemas }));
      artifacts.push({ format: name, ref: await putJson(deps.artifacts, key(`code/${name}.json`), files) });
    } catch (error) {
      if (!(error instanceof UnsupportedByFormatError) || format === "terraform") throw error;
      skipped.push({ format: name, reason: error.message });
    }
  }
  await recordStep(
    { ...input, principal: input.detail.principal },
    {
      workflow: "deploy",
      step: "Codegen",
      detail: {
        resources: loaded.graph.nodes.length,
        specSha256: loaded.sha256,
        formats: artifacts.map((a) => a.format),
      },
    },
    deps,
  );
  return {
    graph,
    spec,
    ...(policyConfig ? { policyConfig } : {}),
    artifacts,
    skipped,
    specSha256: loaded.sha256,
    resources: loaded.graph.nodes.length,
    environment: loaded.environment,
  };
}
