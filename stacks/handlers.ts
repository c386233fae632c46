/**
 * The Lambda functions of the control plane, as data: which file, how much memory and time, and which
 * AWS actions on which resources (least privilege: only what the handler's code calls). Pure, so the
 * policies are unit-tested without deploying (test/unit/stacks/).
 */
export interface ResourceArns {
  stateTable: string;
  auditTable: string;
  artifactBucket: string;
  bus: string;
  /** Every state machine start-workflow may start and approval-decision may resume. */
  stateMachines: string[];
  webhookSecret: string;
}

export interface Statement {
  actions: string[];
  resources: string[];
}

export interface HandlerSpec {
  /** functions/<name>.ts, and `${function:<name>}` in workflows. */
  name: string;
  memory: `${number} MB`;
  timeout: `${number} seconds` | `${number} minutes`;
  permissions: (arns: ResourceArns) => Statement[];
  /** A Function URL: GitHub calls the webhook unauthenticated (HMAC inside); approvals need SigV4. */
  url?: "none" | "iam";
  /** Data files shipped next to the bundle (read relative to the task root). */
  copyFiles?: string[];
}

const putEvents = (arns: ResourceArns): Statement[] => [
  { actions: ["events:PutEvents"], resources: [arns.bus] },
  // Event details over ~200 KB are offloaded to the artifact bucket under events/.
  { actions: ["s3:PutObject"], resources: [`${arns.artifactBucket}/events/*`] },
];

export const HANDLERS: ReadonlyArray<HandlerSpec> = [
  {
    name: "start-workflow",
    memory: "256 MB",
    timeout: "30 seconds",
    permissions: (arns) => [{ actions: ["states:StartExecution"], resources: arns.stateMachines }],
  },
  {
    name: "emit-schedule",
    memory: "256 MB",
    timeout: "30 seconds",
    permissions: putEvents,
  },
  {
    name: "list-targets",
    memory: "256 MB",
    timeout: "60 seconds",
    permissions: (arns) => [{ actions: ["dynamodb:Query"], resources: [arns.stateTable] }],
  },
  {
    name: "scan-target",
    memory: "1024 MB",
    timeout: "15 minutes",
    // Cost scans price with the bundled snapshot (PLINTH_PRICE_SNAPSHOT).
    copyFiles: ["data/pricing/snapshot.json"],
    permissions: (arns) => [{ actions: ["s3:GetObject"], resources: [`${arns.artifactBucket}/*`] }],
  },
  { name: "summarize-scan", memory: "512 MB", timeout: "60 seconds", permissions: putEvents },
  {
    name: "write-audit",
    memory: "256 MB",
    timeout: "30 seconds",
    // Append-only: PutItem (conditional in the code); never UpdateItem, DeleteItem or BatchWriteItem.
    permissions: (arns) => [{ actions: ["dynamodb:PutItem"], resources: [arns.auditTable] }],
  },
  {
    name: "record-failure",
    memory: "256 MB",
    timeout: "30 seconds",
    permissions: (arns) => [
      { actions: ["dynamodb:PutItem"], resources: [arns.auditTable] },
      ...putEvents(arns),
    ],
  },
  {
    name: "request-approval",
    memory: "256 MB",
    timeout: "30 seconds",
    permissions: (arns) => [
      { actions: ["dynamodb:PutItem"], resources: [arns.stateTable] },
      ...putEvents(arns),
    ],
  },
  {
    name: "approval-decision",
    memory: "256 MB",
    timeout: "30 seconds",
    url: "iam",
    permissions: (arns) => [
      { actions: ["dynamodb:GetItem", "dynamodb:DeleteItem"], resources: [arns.stateTable] },
      { actions: ["states:SendTaskSuccess", "states:SendTaskFailure"], resources: arns.stateMachines },
    ],
  },
  {
    name: "github-webhook",
    memory: "256 MB",
    timeout: "10 seconds",
    url: "none",
    permissions: (arns) => [
      { actions: ["secretsmanager:GetSecretValue"], resources: [arns.webhookSecret] },
      { actions: ["dynamodb:PutItem"], resources: [arns.stateTable] },
      ...putEvents(arns),
    ],
  },
];
