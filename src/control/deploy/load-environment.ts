import { createHash } from "node:crypto";
import type { ProviderSchemas } from "../../catalog/provider-schemas.ts";
import { buildGraph } from "../../model/build-graph.ts";
import type { ResourceGraph } from "../../model/graph.ts";
import { parseSpec } from "../../spec/load-spec.ts";
import type { SpecDocuments } from "../../spec/spec-documents.ts";
import type { ResolvedSpec } from "../../spec/types.ts";
import type { DeployEnvironment, DeployRequest } from "./contracts.ts";
import type { SpecSource } from "./deploy-dependencies.ts";
import { DeployTargetMismatchError, SpecNotFoundError } from "./errors.ts";

export interface LoadedEnvironment {
  /** Where the spec was read (a path or an artifact key). */
  path: string;
  text: string;
  sha256: string;
  spec: ResolvedSpec;
  graph: ResourceGraph;
  environment: DeployEnvironment;
}

/**
 * Reads the spec a deploy or destroy request names and lowers the requested environment, refusing a
 * spec of another application (an event must not deploy what it did not name).
 */
export async function loadEnvironment(
  specs: SpecSource,
  request: Pick<DeployRequest, "app" | "env" | "spec">,
  schemas: ProviderSchemas,
  documents?: SpecDocuments,
): Promise<LoadedEnvironment> {
  const path = request.spec ?? "plinth.yaml";
  const text = await specs.read(path);
  if (text === undefined)
    throw new SpecNotFoundError(`No spec at ${path}.`, {
      hint: "Name the spec's path (embedded) or artifact key (in the cloud) in the event's `spec`.",
    });
  const doc = documents ? documents.parse(text, path) : parseSpec(text, path);
  const { spec, graph } = buildGraph(doc, { env: request.env, schemas });
  if (spec.app !== request.app)
    throw new DeployTargetMismatchError(
      `${path} is the spec of \`${spec.app}\`, not of \`${request.app}\`; nothing was deployed.`,
    );
  return {
    path,
    text,
    sha256: createHash("sha256").update(text).digest("hex"),
    spec,
    graph,
    environment: {
      cloud: spec.cloud,
      region: spec.region,
      approval: spec.approval,
      ...(spec.roleArn ? { roleArn: spec.roleArn } : {}),
    },
  };
}

/** The path of a file beside the spec (`plinth-policy.yaml`), in the spec source's terms. */
export function besideSpec(specPath: string, name: string): string {
  const slash = specPath.lastIndexOf("/");
  return slash < 0 ? name : `${specPath.slice(0, slash + 1)}${name}`;
}
