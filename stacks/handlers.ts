/**
 * The Lambda functions of the control plane, as data: which file, how much memory and time, and which
 * AWS actions on which resources (least privilege: only what the handler's code calls). Pure, so the
 * policies are unit-tested without deploying (test/unit/stacks/).
 *
 * One DynamoDB table holds everything (docs/state.md); what a function may touch in it is narrowed by
 * partition key (`dynamodb:LeadingKeys`): `state#…` (versions, journal, lock), `audit#…` (the trail,
 * which only PutItem may reach), `record#<collection>` (runs, approvals, deliveries, targets, costs).
 */
export interface ResourceArns {
  stateTable: string;
  artifactBucket: string;
  bus: string;
  /** Every state machine start-workflow may start and approval-decision may resume. */
  stateMachines: string[];
  webhookSecret: string;
  /** The environments' roles (`roleArn` in plinth.yaml) the deploy steps may assume; nothing else. */
  deployRoles: string[];
}

export interface Statement {
  actions: string[];
  resources: string[];
  /** DynamoDB partition keys the actions may reach (IAM `dynamodb:LeadingKeys`, StringLike). */
  partitions?: string[];
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

const table =
  (actions: string[], partitions: string[]) =>
  (arns: ResourceArns): Statement => ({
    actions,
    resources: [arns.stateTable],
    partitions,
  });

/** Append-only: PutItem (conditional in the code) on audit items; never Update, Delete or BatchWrite. */
const appendAudit = table(["dynamodb:PutItem"], ["audit#*"]);

/** Reading an environment's state: its newest version (a Query) and items (offloaded bodies in S3). */
const readState = (arns: ResourceArns): Statement[] => [
  table(["dynamodb:GetItem", "dynamodb:Query"], ["state#*"])(arns),
  { actions: ["s3:GetObject"], resources: [`${arns.artifactBucket}/state/*`] },
];

/** Applying: the lock (conditional put, delete), the journal (put, batch delete) and versions. */
const writeState = (arns: ResourceArns): Statement[] => [
  table(
    [
      "dynamodb:BatchWriteItem",
      "dynamodb:DeleteItem",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:Query",
    ],
    ["state#*"],
  )(arns),
  {
    actions: ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"],
    resources: [`${arns.artifactBucket}/state/*`],
  },
];

const runArtifacts = (arns: ResourceArns, write: boolean): Statement[] => [
  { actions: ["s3:GetObject"], resources: [`${arns.artifactBucket}/runs/*`] },
  ...(write ? [{ actions: ["s3:PutObject"], resources: [`${arns.artifactBucket}/runs/*`] }] : []),
];

/** The environment's role: the steps that call the cloud act only through it. */
const assumeDeployRoles = (arns: ResourceArns): Statement[] =>
  arns.deployRoles.length > 0 ? [{ actions: ["sts:AssumeRole"], resources: arns.deployRoles }] : [];

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
    permissions: (arns) => [table(["dynamodb:Query"], ["record#targets"])(arns)],
  },
  {
    name: "scan-target",
    memory: "1024 MB",
    timeout: "15 minutes",
    // Cost scans price with the bundled snapshot (PLINTH_PRICE_SNAPSHOT).
    copyFiles: ["data/pricing/snapshot.json"],
    permissions: (arns) => [
      ...runArtifacts(arns, false),
      table(["dynamodb:PutItem"], ["record#cost.*"])(arns),
      ...putEvents(arns),
    ],
  },
  { name: "summarize-scan", memory: "512 MB", timeout: "60 seconds", permissions: putEvents },
  {
    name: "write-audit",
    memory: "256 MB",
    timeout: "30 seconds",
    permissions: (arns) => [appendAudit(arns)],
  },
  {
    name: "record-failure",
    memory: "256 MB",
    timeout: "30 seconds",
    permissions: (arns) => [appendAudit(arns), ...putEvents(arns)],
  },
  {
    name: "request-approval",
    memory: "256 MB",
    timeout: "30 seconds",
    permissions: (arns) => [table(["dynamodb:PutItem"], ["record#approvals"])(arns), ...putEvents(arns)],
  },
  {
    name: "approval-decision",
    memory: "256 MB",
    timeout: "30 seconds",
    url: "iam",
    permissions: (arns) => [
      table(["dynamodb:DeleteItem", "dynamodb:GetItem"], ["record#approvals"])(arns),
      { actions: ["states:SendTaskFailure", "states:SendTaskSuccess"], resources: arns.stateMachines },
    ],
  },
  {
    name: "github-webhook",
    memory: "256 MB",
    timeout: "10 seconds",
    url: "none",
    permissions: (arns) => [
      { actions: ["secretsmanager:GetSecretValue"], resources: [arns.webhookSecret] },
      table(["dynamodb:PutItem"], ["record#deliveries"])(arns),
      ...putEvents(arns),
    ],
  },
  {
    name: "codegen",
    memory: "1024 MB",
    timeout: "5 minutes",
    permissions: (arns) => [
      // CI uploads the spec (and plinth-policy.yaml beside it) under specs/ and names its key.
      { actions: ["s3:GetObject"], resources: [`${arns.artifactBucket}/specs/*`] },
      ...runArtifacts(arns, true),
      appendAudit(arns),
    ],
  },
  {
    name: "policy-check",
    memory: "1024 MB",
    timeout: "5 minutes",
    permissions: (arns) => [...runArtifacts(arns, true), appendAudit(arns), ...putEvents(arns)],
  },
  {
    name: "cost-estimate",
    memory: "1024 MB",
    timeout: "5 minutes",
    copyFiles: ["data/pricing/snapshot.json"],
    permissions: (arns) => [
      ...runArtifacts(arns, true),
      ...readState(arns),
      appendAudit(arns),
      ...putEvents(arns),
    ],
  },
  {
    name: "plan",
    memory: "1024 MB",
    timeout: "15 minutes",
    permissions: (arns) => [
      // Destroy plans read the spec; a saved plan is uploaded under plans/.
      {
        actions: ["s3:GetObject"],
        resources: [`${arns.artifactBucket}/specs/*`, `${arns.artifactBucket}/plans/*`],
      },
      ...runArtifacts(arns, true),
      ...readState(arns),
      appendAudit(arns),
      ...assumeDeployRoles(arns),
    ],
  },
  {
    name: "checkpoint",
    memory: "512 MB",
    timeout: "2 minutes",
    permissions: (arns) => [
      ...runArtifacts(arns, false),
      ...readState(arns),
      table(["dynamodb:PutItem"], ["record#targets"])(arns),
      appendAudit(arns),
    ],
  },
  ...(["apply", "destroy", "rollback"] as const).map(
    (name): HandlerSpec => ({
      name,
      memory: "1024 MB",
      timeout: "15 minutes",
      permissions: (arns) => [
        ...runArtifacts(arns, true),
        ...writeState(arns),
        // Destroy removes the environment's scan target once it is gone.
        ...(name === "destroy"
          ? [table(["dynamodb:DeleteItem", "dynamodb:GetItem"], ["record#targets"])(arns)]
          : []),
        appendAudit(arns),
        ...assumeDeployRoles(arns),
      ],
    }),
  ),
  {
    name: "verify",
    memory: "1024 MB",
    timeout: "15 minutes",
    permissions: (arns) => [
      ...runArtifacts(arns, false),
      ...readState(arns),
      appendAudit(arns),
      ...assumeDeployRoles(arns),
    ],
  },
];
