import type { ProviderSchemas } from "../catalog/provider-schemas.ts";
import { PlinthError } from "../errors.ts";
import { buildGraph } from "../model/build-graph.ts";
import { InvalidSpecError } from "../spec/diagnostics.ts";
import { parseSpec } from "../spec/load-spec.ts";
import type { Target } from "./targets.ts";

export interface ScanResult {
  app: string;
  env: string;
  status: "ok" | "attention" | "failed";
  resources?: number;
  message?: string;
}

export type ScanKind = "drift" | "cost";

export interface ScanDependencies {
  /** The text of a target's spec (a file under the targets root, or an artifact in the cloud). */
  readSpec: (spec: string) => Promise<string>;
  schemas: ProviderSchemas;
}

/**
 * One target of a scheduled scan. Today it checks that the target's spec still loads and lowers (the
 * precondition of any scan) and counts its resources; the drift issue adds the comparison with what is
 * live, the cost issue the estimate against the budget, each as a step here.
 */
export async function scanTarget(
  kind: ScanKind,
  target: Target,
  deps: ScanDependencies,
): Promise<ScanResult> {
  const text = await deps.readSpec(target.spec);
  try {
    const { graph } = buildGraph(parseSpec(text, target.spec), { env: target.env, schemas: deps.schemas });
    return { app: target.app, env: target.env, status: "ok", resources: graph.nodes.length };
  } catch (error) {
    // A spec that no longer validates is a finding of the scan, not a failure of the scanner.
    if (!(error instanceof PlinthError)) throw error;
    const what =
      error instanceof InvalidSpecError ? (error.diagnostics[0]?.message ?? error.message) : error.describe();
    return {
      app: target.app,
      env: target.env,
      status: "attention",
      message: `${kind} scan skipped: the spec does not validate: ${what}`.slice(0, 4000),
    };
  }
}
