import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Context } from "aws-lambda";
import type { ArtifactStore } from "../src/artifacts/artifact-store.ts";
import { LocalArtifactStore } from "../src/artifacts/local-artifact-store.ts";
import { ProviderSchemas } from "../src/catalog/provider-schemas.ts";
import { type ApprovalStore, approvalsIn } from "../src/control/approvals.ts";
import type { EngineDependencies, ResourceHandlersFor } from "../src/control/deploy/deploy-dependencies.ts";
import { type DeliveryLog, deliveriesIn } from "../src/control/github-webhook.ts";
import { DirectoryTargetSource, specReaderUnder } from "../src/control/targets.ts";
import { SnapshotPrices } from "../src/cost/prices/snapshot.ts";
import { handlersFor } from "../src/engine/handler-registry.ts";
import { InputError } from "../src/errors.ts";
import type { Delivery } from "../src/events/dispatch.ts";
import type { PlinthEvent } from "../src/events/envelope.ts";
import { LocalBus } from "../src/events/local-bus.ts";
import { StoreRunStore } from "../src/runtime/run-records.ts";
import type { RunRecord, StepRecord } from "../src/runtime/run-store.ts";
import { type TaskHandler, WorkflowRunner } from "../src/runtime/workflow-runner.ts";
import { SpecDocuments } from "../src/spec/spec-documents.ts";
import { LocalFileStore } from "../src/state/local-file-store.ts";
import type { StateStore } from "../src/state/store.ts";
import { lazy } from "./middleware.ts";

export const WORKFLOWS_DIR = fileURLToPath(new URL("../workflows", import.meta.url));

export interface LocalControlPlaneOptions {
  /**
   * The local directory (`.plinth`): the local bus's event log, and unless given otherwise the state
   * store and the artifacts. Without one (state in DynamoDB), no event log is kept.
   */
  stateDir?: string;
  /** Where runs, approvals, the audit trail and state live (default: a local file store in stateDir). */
  store?: StateStore;
  /** Where runs keep their artifacts (default: stateDir/artifacts). */
  artifacts?: ArtifactStore;
  /** Where scans find targets and deploys their spec: plinth.yaml files under this directory. */
  targetsRoot: string;
  /** Parsed specs to share with the steps (the CLI's, which it parsed first). */
  documents?: SpecDocuments;
  /** Resource handlers for deploys; by default built-in types only (no cloud is reachable). */
  resources?: ResourceHandlersFor;
  /** The CLI's --var values and --parallelism, and its live output of plans and progress. */
  engine?: Pick<EngineDependencies, "variables" | "parallelism" | "onPlan" | "onEngineEvent">;
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
  store: StateStore;
  runs: StoreRunStore;
  approvals: ApprovalStore;
  deliveries: DeliveryLog;
  artifacts: ArtifactStore;
}

/**
 * The embedded control plane: the same handlers as the Lambda functions, wired to one state store
 * (runs, approvals, deliveries, the audit trail and the environments' state), a local artifact store
 * and the embedded runner; the local bus routes events to it.
 */
export function localControlPlane(options: LocalControlPlaneOptions): LocalControlPlane {
  const now = options.now ?? (() => new Date());
  const dir = options.stateDir;
  const local = (what: string) => {
    if (!dir) throw new InputError(`The control plane needs a state directory or ${what}.`);
    return dir;
  };
  const store = options.store ?? new LocalFileStore(local("a state store"), { now });
  const artifacts =
    options.artifacts ?? new LocalArtifactStore(join(local("an artifact store"), "artifacts"));
  const runs = new StoreRunStore(store, { now });
  const approvals = approvalsIn(store);
  const deliveries = deliveriesIn(store, now);
  // The bus needs the runner (to start workflows) and the runner the bus (to publish): late-bound.
  const publisher = { publish: (event: Parameters<LocalBus["publish"]>[0]) => bus.publish(event) };
  const schemas = new ProviderSchemas();
  const prices = lazy(() => SnapshotPrices.load());
  const readSpec = specReaderUnder(options.targetsRoot);
  const specs = { read: (path: string) => readSpec(path).catch(absentAsUndefined) };
  const steps = { store, artifacts, now, documents: options.documents ?? new SpecDocuments() };
  const engine: EngineDependencies = {
    ...steps,
    resources: options.resources ?? builtInOnly,
    ...options.engine,
  };
  // Each handler's module loads when a run first calls it: `plinth approve` needs the apply steps'
  // code, not the policy rules or the code generators, and --help none of it.
  const lambda: Record<string, () => Promise<unknown>> = {
    "list-targets": async () =>
      (await import("./list-targets.ts")).createListTargetsHandler(() => ({
        targets: new DirectoryTargetSource(options.targetsRoot),
      })),
    "scan-target": async () =>
      (await import("./scan-target.ts")).createScanTargetHandler(async () => ({
        readSpec,
        schemas,
        prices: await prices(),
        store,
        publisher,
        now,
      })),
    "summarize-scan": async () =>
      (await import("./summarize-scan.ts")).createSummarizeScanHandler(() => ({ publisher })),
    "write-audit": async () =>
      (await import("./write-audit.ts")).createWriteAuditHandler(() => ({ store, now })),
    "record-failure": async () =>
      (await import("./record-failure.ts")).createRecordFailureHandler(() => ({ store, publisher, now })),
    "request-approval": async () =>
      (await import("./request-approval.ts")).createRequestApprovalHandler(() => ({
        approvals,
        publisher,
        now,
      })),
    codegen: async () =>
      (await import("./codegen.ts")).createCodegenHandler(() => ({ ...steps, specs, schemas })),
    "policy-check": async () =>
      (await import("./policy-check.ts")).createPolicyCheckHandler(() => ({ ...steps, publisher })),
    "cost-estimate": async () =>
      (await import("./cost-estimate.ts")).createCostEstimateHandler(async () => ({
        ...steps,
        publisher,
        prices: await prices(),
      })),
    plan: async () => (await import("./plan.ts")).createPlanHandler(() => ({ ...engine, specs, schemas })),
    checkpoint: async () => (await import("./checkpoint.ts")).createCheckpointHandler(() => steps),
    apply: async () => (await import("./apply.ts")).createApplyHandler(() => engine),
    destroy: async () => (await import("./destroy.ts")).createDestroyHandler(() => engine),
    verify: async () => (await import("./verify.ts")).createVerifyHandler(() => engine),
    rollback: async () => (await import("./rollback.ts")).createRollbackHandler(() => engine),
  };
  const handlers: Record<string, TaskHandler> = {};
  for (const [name, load] of Object.entries(lambda)) {
    const handler = lazy(load) as () => Promise<(e: unknown, c: Context) => Promise<unknown>>;
    handlers[name] = async (input) => (await handler())(input, lambdaContext(name));
  }
  Object.assign(handlers, options.handlers);
  const runner = new WorkflowRunner({
    workflowsDir: options.workflowsDir ?? WORKFLOWS_DIR,
    handlers,
    runs,
    publisher,
    now,
    ...(options.retryIntervalMs === undefined ? {} : { retryIntervalMs: options.retryIntervalMs }),
    ...(options.onStep ? { onStep: options.onStep } : {}),
    // plinth's own workflows are validated by its tests (asl-validator); others on load.
    validate: options.workflowsDir !== undefined,
  });
  const bus: LocalBus = new LocalBus({
    starter: runner,
    artifacts,
    now,
    ...(dir ? { logFile: join(dir, "events.jsonl") } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  return { runner, bus, store, runs, approvals, deliveries, artifacts };
}

/** Without a cloud configured, only plinth's built-in types can be planned and applied. */
const builtInOnly: ResourceHandlersFor = (types) =>
  handlersFor(types, () => {
    throw new InputError("This control plane has no cloud credentials configured; only plinth_null applies.");
  });

/** A spec source answers "no such file" with undefined; other errors stay errors. */
function absentAsUndefined(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
  throw error;
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
