import { readFileSync } from "node:fs";
import { ROUTES, SCHEDULES } from "../src/events/routes.ts";
import { functionsOf, substituteDefinition } from "./definitions.ts";
import { HANDLERS, type ResourceArns, type Statement } from "./handlers.ts";

/** Workflows deployed as state machines; a test checks each calls only handlers the stack declares. */
export const DEPLOYED_WORKFLOWS = ["deploy", "destroy", "scheduled-scan"] as const;

/** The DR region of the control plane's own artifacts (checkpoints survive a regional outage). */
const DR_REGION = "us-west-2";

/** The whole control plane: tables, bucket, bus, functions, state machines, rules and schedules. */
export function controlPlane() {
  const production = $app.stage === "production";
  const prefix = `${$app.name}-${$app.stage}`;
  const identity = aws.getCallerIdentityOutput({});
  const region = aws.getRegionOutput({});

  // The one table of the engine's state store: versions, journal, locks, the audit trail (audit#…,
  // reachable by PutItem only), runs, approvals, deliveries, targets and cost history (docs/state.md).
  // The stream feeds the audit trail's export to long-term storage.
  const state = new sst.aws.Dynamo("State", {
    fields: { pk: "string", sk: "string" },
    primaryIndex: { hashKey: "pk", rangeKey: "sk" },
    stream: "new-and-old-images",
    ttl: "ttl",
    deletionProtection: production,
  });
  // The environments' roles the deploy steps may assume, given at deploy time (comma-separated ARNs):
  // the functions hold no permissions on resources themselves.
  const deployRoles = (process.env.PLINTH_DEPLOY_ROLES ?? "")
    .split(",")
    .map((arn) => arn.trim())
    .filter(Boolean);
  const artifacts = new sst.aws.Bucket("Artifacts", { versioning: true });
  const drProvider = new aws.Provider("DrRegion", { region: DR_REGION });
  const drArtifacts = new aws.s3.BucketV2(
    "DrArtifacts",
    { forceDestroy: !production },
    { provider: drProvider },
  );
  const bus = new sst.aws.Bus("Bus");
  const webhookSecret = new aws.secretsmanager.Secret("GitHubWebhookSecret", {
    description: "The GitHub webhook secret plinth verifies X-Hub-Signature-256 with.",
  });

  const stateMachineArn = (workflow: string) =>
    $interpolate`arn:aws:states:${region.name}:${identity.accountId}:stateMachine:${prefix}-${workflow}`;
  const stateMachineArns = Object.fromEntries(DEPLOYED_WORKFLOWS.map((w) => [w, stateMachineArn(w)]));

  const functions: Record<string, sst.aws.Function> = {};
  for (const spec of HANDLERS) {
    const arns = $resolve([
      state.arn,
      artifacts.arn,
      bus.arn,
      webhookSecret.arn,
      ...Object.values(stateMachineArns),
    ]).apply(
      ([stateTable, artifactBucket, busArn, secret, ...machines]): ResourceArns => ({
        stateTable: stateTable as string,
        artifactBucket: artifactBucket as string,
        bus: busArn as string,
        webhookSecret: secret as string,
        stateMachines: machines as string[],
        deployRoles,
      }),
    );
    functions[spec.name] = new sst.aws.Function(pascal(spec.name), {
      handler: `functions/${spec.name}.handler`,
      runtime: "nodejs24.x",
      architecture: "arm64",
      memory: spec.memory,
      timeout: spec.timeout,
      // Least privilege: the statements of stacks/handlers.ts, not `link`'s wildcard grants.
      permissions: arns.apply((a) => spec.permissions(a).map(iamStatement)),
      // What only some invocations need (the AWS clients of resource types, the bus, S3 for large
      // state items, the CEL interpreter) loads on first use instead of at every cold start.
      nodejs: { splitting: true },
      environment: {
        PLINTH_STAGE: $app.stage,
        PLINTH_STATE_TABLE: state.name,
        PLINTH_ARTIFACT_BUCKET: artifacts.name,
        PLINTH_BUS_NAME: bus.name,
        PLINTH_WEBHOOK_SECRET_ARN: webhookSecret.arn,
        PLINTH_STATE_MACHINES: $jsonStringify(stateMachineArns),
        ...(spec.copyFiles?.includes("data/pricing/snapshot.json")
          ? { PLINTH_PRICE_SNAPSHOT: "data/pricing/snapshot.json" }
          : {}),
      },
      ...(spec.copyFiles ? { copyFiles: spec.copyFiles.map((from) => ({ from, to: from })) } : {}),
      ...(spec.url ? { url: { authorization: spec.url } } : {}),
    });
  }

  for (const workflow of DEPLOYED_WORKFLOWS) {
    const definition = readFileSync(`workflows/${workflow}.asl.json`, "utf8");
    const used = functionsOf(definition);
    const role = new aws.iam.Role(`${pascal(workflow)}Role`, {
      assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "states.amazonaws.com" }),
      inlinePolicies: [
        {
          name: "invoke-its-tasks",
          policy: $resolve([
            bus.arn,
            ...used.map((name) => functions[name]?.arn as $util.Output<string>),
          ]).apply(([busArn, ...functionArns]) =>
            JSON.stringify({
              Version: "2012-10-17",
              Statement: [
                { Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: functionArns },
                { Effect: "Allow", Action: ["events:PutEvents"], Resource: [busArn] },
              ],
            }),
          ),
        },
      ],
    });
    new aws.sfn.StateMachine(pascal(workflow), {
      name: `${prefix}-${workflow}`,
      roleArn: role.arn,
      definition: $resolve([
        bus.name,
        ...used.map((name) => functions[name]?.arn as $util.Output<string>),
      ]).apply(([busName, ...functionArns]) =>
        substituteDefinition(
          definition,
          Object.fromEntries(used.map((name, i) => [name, functionArns[i] as string])),
          busName as string,
        ),
      ),
    });
  }

  // Rules: one bus subscription per route, all to the starter (a Bus cannot target a state machine).
  for (const route of ROUTES) {
    if (!(DEPLOYED_WORKFLOWS as readonly string[]).includes(route.workflow)) continue;
    const { source, "detail-type": detailType, detail } = route.pattern as Record<string, unknown>;
    bus.subscribe(pascal(route.name), functions["start-workflow"]?.arn as $util.Output<string>, {
      pattern: {
        ...(source ? { source: source as string[] } : {}),
        ...(detailType ? { detailType: detailType as string[] } : {}),
        ...(detail ? { detail: detail as Record<string, unknown> } : {}),
      },
    });
  }
  // Schedules emit their event through emit-schedule (CronV2 cannot target a bus).
  for (const schedule of SCHEDULES) {
    new sst.aws.CronV2(pascal(schedule.name), {
      schedule: schedule.expression as `cron(${string})`,
      function: functions["emit-schedule"]?.arn as $util.Output<string>,
      event: schedule.event,
    });
  }

  return {
    bus: bus.name,
    artifacts: artifacts.name,
    drArtifacts: drArtifacts.bucket,
    webhookUrl: functions["github-webhook"]?.url,
    approvalsUrl: functions["approval-decision"]?.url,
  };
}

/** A statement as SST takes it; partitions become a `dynamodb:LeadingKeys` condition. */
function iamStatement(statement: Statement) {
  return {
    actions: statement.actions,
    resources: statement.resources,
    ...(statement.partitions
      ? {
          conditions: [
            {
              test: "ForAllValues:StringLike",
              variable: "dynamodb:LeadingKeys",
              values: statement.partitions,
            },
          ],
        }
      : {}),
  };
}

function pascal(kebab: string): string {
  return kebab.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());
}
