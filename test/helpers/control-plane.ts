import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type LocalControlPlane,
  type LocalControlPlaneOptions,
  localControlPlane,
} from "../../functions/local.ts";
import { auditOfRun } from "../../src/control/audit-trail.ts";
import type { AuditRecord } from "../../src/state/types.ts";

const examples = new URL("../../examples/", import.meta.url).pathname;

export interface Workspace {
  root: string;
  stateDir: string;
  targetsRoot: string;
  plane: LocalControlPlane;
  /** The events the local bus logged, in order. */
  events: () => Array<Record<string, unknown> & { "detail-type": string; detail: Record<string, unknown> }>;
}

/**
 * A temporary workspace with two applications (the shop and gcp-notes examples) as scan targets and a
 * local control plane over it; Retry pauses are 0 ms so failure paths run fast.
 */
export function workspace(options: Partial<LocalControlPlaneOptions> = {}): Workspace {
  const root = mkdtempSync(join(tmpdir(), "plinth-control-"));
  const targetsRoot = join(root, "apps");
  for (const app of ["shop", "gcp-notes"]) {
    mkdirSync(join(targetsRoot, app), { recursive: true });
    cpSync(join(examples, app, "plinth.yaml"), join(targetsRoot, app, "plinth.yaml"));
  }
  const stateDir = join(root, ".plinth");
  const plane = localControlPlane({ stateDir, targetsRoot, retryIntervalMs: 0, ...options });
  const events = () => {
    try {
      return readFileSync(join(stateDir, "events.jsonl"), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l));
    } catch {
      return [];
    }
  };
  return { root, stateDir, targetsRoot, plane, events };
}

export function writeSpec(ws: Workspace, app: string, yaml: string): void {
  mkdirSync(join(ws.targetsRoot, app), { recursive: true });
  writeFileSync(join(ws.targetsRoot, app, "plinth.yaml"), yaml);
}

/** The audit records of a run: of an environment's trail, or the control plane's (scans). */
export function auditOf(
  plane: LocalControlPlane,
  runId: string,
  scope: { app?: string; env?: string } = {},
): Promise<AuditRecord[]> {
  return auditOfRun(plane.store, scope, runId);
}

/** The audit trail of a deploy run that went all the way, step by step (`<step> <outcome>`). */
export const DEPLOYED = [
  "Deploy started",
  "Codegen succeeded",
  "PolicyCheck succeeded",
  "CostEstimate succeeded",
  "Plan succeeded",
  "Checkpoint succeeded",
  "Apply succeeded",
  "Verify succeeded",
  "Deploy succeeded",
];
