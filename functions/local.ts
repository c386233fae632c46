import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Context } from "aws-lambda";
import { LocalArtifactStore } from "../src/artifacts/local-artifact-store.ts";
import type { AuditLog } from "../src/audit/audit-log.ts";
import { FileAuditLog } from "../src/audit/file-audit-log.ts";
import { ProviderSchemas } from "../src/catalog/provider-schemas.ts";
import { LocalApprovalStore } from "../src/control/local-approval-store.ts";
import { LocalDeliveryLog } from "../src/control/local-delivery-log.ts";
import { DirectoryTargetSource, specReaderUnder } from "../src/control/targets.ts";
import { SnapshotPrices } from "../src/cost/prices/snapshot.ts";
import type { Delivery } from "../src/events/dispatch.ts";
import type { PlinthEvent } from "../src/events/envelope.ts";
import { LocalBus } from "../src/events/local-bus.ts";
import { LocalRunStore } from "../src/runtime/local-run-store.ts";
import type { RunRecord, StepRecord } from "../src/runtime/run-store.ts";
import { type TaskHandler, WorkflowRunner } from "../src/runtime/workflow-runner.ts";
import { createListTargetsHandler } from "./list-targets.ts";
import { createRecordFailureHandler } from "./record-failure.ts";
import { createRequestApprovalHandler } from "./request-approval.ts";
import { createScanTargetHandler } from "./scan-target.ts";
import { createSummarizeScanHandler } from "./summarize-scan.ts";
import { createWriteAuditHandler } from "./write-audit.ts";

export const WORKFLOWS_DIR = fileURLToPath(new URL("../workflows", import.meta.url));

export interface LocalControlPlaneOptions {
  /** The local state directory, `.plinth` next to the spec: runs, approvals, audit, artifacts, events. */
  stateDir: string;
  /** Where scans find targets: plinth.yaml files under this directory. */
  targetsRoot: string;
  workflowsDir?: string;
  now?: () => Date;
  /** Replaces every Retry pause (tests). */
  retryIntervalMs?: number;
  onStep?: (run: RunRecord, step: StepRecord) => void;
  onEvent?: (event: PlinthEvent, deliveries: Delivery[]) => void;
  /** Handlers added or replaced by name: later capabilities, or a test injecting a failure. */
  handlers?: Record<string, TaskHandler>;
}

export interface LocalControlPlane {
  runner: WorkflowRunner;
  bus: LocalBus;
  audit: AuditLog;
  runs: LocalRunStore;
  approvals: LocalApprovalStore;
  deliveries: LocalDeliveryLog;
  artifacts: LocalArtifactStore;
}

/**
 * The embedded control plane: the same handlers as the Lambda functions, wired to local stores under
 * the state directory, run by the embedded runner; the local bus routes events to it.
 */
export function localControlPlane(options: LocalControlPlaneOptions): LocalControlPlane {
  const now = options.now ?? (() => new Date());
  const dir = options.stateDir;
  const artifacts = new LocalArtifactStore(join(dir, "artifacts"));
  const audit = new FileAuditLog(join(dir, "audit.jsonl"));
  const runs = new LocalRunStore(join(dir, "runs"));
  const approvals = new LocalApprovalStore(join(dir, "approvals"));
  const deliveries = new LocalDeliveryLog(join(dir, "deliveries"));
  // The bus needs the runner (to start workflows) and the runner the bus (to publish): late-bound.
  const publisher = { publish: (event: Parameters<LocalBus["publish"]>[0]) => bus.publish(event) };
  const schemas = new ProviderSchemas();
  const prices = SnapshotPrices.load();
  const lambda = {
    "list-targets": createListTargetsHandler(() => ({
      targets: new DirectoryTargetSource(options.targetsRoot),
    })),
    "scan-target": createScanTargetHandler(() => ({
      readSpec: specReaderUnder(options.targetsRoot),
      schemas,
      prices,
    })),
    "summarize-scan": createSummarizeScanHandler(() => ({ publisher })),
    "write-audit": createWriteAuditHandler(() => ({ audit, now })),
    "record-failure": createRecordFailureHandler(() => ({ audit, publisher, now })),
    "request-approval": createRequestApprovalHandler(() => ({ approvals, publisher, now })),
  };
  const handlers: Record<string, TaskHandler> = {};
  for (const [name, handler] of Object.entries(lambda))
    handlers[name] = (input) =>
      (handler as (e: unknown, c: Context) => Promise<unknown>)(input, lambdaContext(name));
  Object.assign(handlers, options.handlers);
  const runner = new WorkflowRunner({
    workflowsDir: options.workflowsDir ?? WORKFLOWS_DIR,
    handlers,
    runs,
    publisher,
    now,
    ...(options.retryIntervalMs === undefined ? {} : { retryIntervalMs: options.retryIntervalMs }),
    ...(options.onStep ? { onStep: options.onStep } : {}),
  });
  const bus: LocalBus = new LocalBus({
    starter: runner,
    artifacts,
    now,
    logFile: join(dir, "events.jsonl"),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  return { runner, bus, audit, runs, approvals, deliveries, artifacts };
}

/** What a Lambda handler may read from its context, for an in-process call. */
export function lambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `local:function:${functionName}`,
    memoryLimitInMB: "1024",
    awsRequestId: crypto.randomUUID(),
    logGroupName: `local/${functionName}`,
    logStreamName: "local",
    getRemainingTimeInMillis: () => 900_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
