import { resolve, sep } from "node:path";
import type { ProviderSchemas } from "../catalog/provider-schemas.ts";
import { InputError, PlinthError } from "../errors.ts";
import { buildGraph } from "../model/build-graph.ts";
import { InvalidSpecError } from "../spec/diagnostics.ts";
import { readSpecFile } from "../spec/load-spec.ts";
import type { Target } from "./targets.ts";

export interface ScanResult {
  app: string;
  env: string;
  status: "ok" | "attention" | "failed";
  resources?: number;
  message?: string;
}

export type ScanKind = "drift" | "cost";

/**
 * One target of a scheduled scan. Today it checks that the target's spec still loads and lowers (the
 * precondition of any scan) and counts its resources; the drift issue adds the comparison with what is
 * live, the cost issue the estimate against the budget, each as a step here.
 */
export function scanTarget(kind: ScanKind, target: Target, options: { root: string; schemas: ProviderSchemas }): ScanResult {
  const root = options.root;
  const file = resolve(root, target.spec);
  if (!file.startsWith(resolve(root) + sep))
    throw new InputError(`Target ${target.app}/${target.env} names a spec outside the targets root: ${target.spec}.`);
  try {
    const doc = readSpecFile(file, target.spec);
    const { graph } = buildGraph(doc, { env: target.env, schemas: options.schemas });
    return { app: target.app, env: target.env, status: "ok", resources: graph.nodes.length };
  } catch (error) {
    // A spec that no longer validates is a finding of the scan, not a failure of the scanner.
    if (error instanceof InvalidSpecError || error instanceof PlinthError)
      return { app: target.app, env: target.env, status: "attention", message: firstLine(error, kind) };
    throw error;
  }
}

function firstLine(error: PlinthError, kind: ScanKind): string {
  const what = error instanceof InvalidSpecError ? error.diagnostics[0]?.message ?? error.message : error.describe();
  return `${kind} scan skipped: the spec does not validate: ${what}`.slice(0, 4000);
}
