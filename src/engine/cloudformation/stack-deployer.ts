import {
  type Change,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  type Stack,
  type StackEvent,
} from "@aws-sdk/client-cloudformation";
import { PlinthError } from "../../errors.ts";
import type { AwsClients } from "../../providers/aws/aws-clients.ts";
import { AwsRequestError } from "../../providers/aws/aws-errors.ts";
import type { Sleep } from "../../providers/aws/wait-until.ts";
import { waitUntil } from "../../providers/aws/wait-until.ts";
import type { EngineEvent } from "../engine-events.ts";

/** CloudFormation refused or rolled back the stack. */
export class StackFailedError extends PlinthError {
  override name = "StackFailedError";
}

/** The largest template CloudFormation takes inline (TemplateBody); larger ones go through S3. */
export const MAX_TEMPLATE_BODY_BYTES = 51_200;

export interface StackChange {
  action: "create" | "update" | "replace" | "delete";
  logicalId: string;
  type: string;
  /** CloudFormation's word on replacement for updates: True, False or Conditional. */
  replacement?: string;
}

/** A change set: what deploying the template would do, CloudFormation's own plan. JSON-serialisable. */
export interface StackPlan {
  stackName: string;
  changeSetName: string;
  /** Undefined when the template changes nothing (the empty change set is deleted). */
  changeSetId?: string;
  stackExists: boolean;
  changes: StackChange[];
}

export interface StackOutcome {
  status: string;
  outputs: Record<string, string>;
  /** Logical id → physical id of every resource in the stack. */
  resources: Record<string, string>;
}

export interface StackOptions {
  clients: AwsClients;
  sleep: Sleep;
  onEvent?: (event: EngineEvent) => void;
  /** How long to wait for the stack (default 60 minutes). */
  timeoutMs?: number;
}

/**
 * Plans a deployment of `template` as stack `stackName` through a change set (CREATE for a new stack,
 * UPDATE otherwise) and describes it. Nothing changes until applyStack executes it.
 */
export async function planStack(
  options: StackOptions,
  stackName: string,
  template: string,
  tags: Record<string, string> = {},
): Promise<StackPlan> {
  if (Buffer.byteLength(template) > MAX_TEMPLATE_BODY_BYTES) {
    throw new StackFailedError(
      `The CloudFormation template is ${Math.round(Buffer.byteLength(template) / 1024)} KB; CloudFormation takes at most 50 KB inline.`,
      { hint: "Split the application, or deploy with the native engine (the default)." },
    );
  }
  const cf = options.clients.cloudformation();
  const stack = await describeStack(options.clients, stackName);
  const stackExists = stack !== undefined && stack.StackStatus !== "REVIEW_IN_PROGRESS";
  const changeSetName = `plinth-${Date.now()}`;
  const { Id } = await cf.send(
    new CreateChangeSetCommand({
      StackName: stackName,
      ChangeSetName: changeSetName,
      ChangeSetType: stackExists ? "UPDATE" : "CREATE",
      TemplateBody: template,
      Capabilities: ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"],
      Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    }),
  );
  const described = await waitUntil(
    async () => {
      const set = await cf.send(
        new DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName }),
      );
      return set.Status === "CREATE_PENDING" || set.Status === "CREATE_IN_PROGRESS" ? undefined : set;
    },
    { what: `change set ${changeSetName} of ${stackName}`, intervalMs: 500, timeoutMs: options.timeoutMs },
    options.sleep,
  );
  if (described.Status === "FAILED") {
    if (/didn't contain changes|No updates/i.test(described.StatusReason ?? "")) {
      await cf.send(new DeleteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName }));
      return { stackName, changeSetName, stackExists, changes: [] };
    }
    throw new StackFailedError(
      `CloudFormation refused the change set for ${stackName}: ${described.StatusReason}.`,
    );
  }
  const changes: Change[] = [...(described.Changes ?? [])];
  let next = described.NextToken;
  while (next) {
    const page = await cf.send(
      new DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName, NextToken: next }),
    );
    changes.push(...(page.Changes ?? []));
    next = page.NextToken;
  }
  return {
    stackName,
    changeSetName,
    ...(Id ? { changeSetId: Id } : {}),
    stackExists,
    changes: changes.map(stackChange),
  };
}

/** Deletes a change set that was only for showing (`plinth plan`): it is not left behind. */
export async function discardPlan(options: StackOptions, plan: StackPlan): Promise<void> {
  if (!plan.changeSetId) return;
  await options.clients
    .cloudformation()
    .send(new DeleteChangeSetCommand({ StackName: plan.stackName, ChangeSetName: plan.changeSetName }));
  // A change set that created a stack leaves it in REVIEW_IN_PROGRESS, holding nothing: remove it too.
  if (!plan.stackExists)
    await options.clients.cloudformation().send(new DeleteStackCommand({ StackName: plan.stackName }));
}

/** The stack's resources now (logical id → physical id), for showing what a destroy removes. */
export async function stackResources(
  options: StackOptions,
  stackName: string,
): Promise<StackOutcome | undefined> {
  if (!(await describeStack(options.clients, stackName))) return undefined;
  return outcomeOf(options.clients, stackName);
}

/** Executes a planned change set and follows the stack's events until it settles. */
export async function applyStack(options: StackOptions, plan: StackPlan): Promise<StackOutcome> {
  if (!plan.changeSetId) return outcomeOf(options.clients, plan.stackName);
  const since = new Date();
  await options.clients
    .cloudformation()
    .send(new ExecuteChangeSetCommand({ StackName: plan.stackName, ChangeSetName: plan.changeSetName }));
  const stack = await follow(options, plan.stackName, since, (s) => !s.StackStatus?.endsWith("_IN_PROGRESS"));
  if (stack?.StackStatus !== "CREATE_COMPLETE" && stack?.StackStatus !== "UPDATE_COMPLETE") {
    throw new StackFailedError(
      `Stack ${plan.stackName} ended ${stack?.StackStatus ?? "missing"}${stack?.StackStatusReason ? `: ${stack.StackStatusReason}` : ""}.`,
      { hint: "`aws cloudformation describe-stack-events` shows every resource's reason." },
    );
  }
  return outcomeOf(options.clients, plan.stackName);
}

/** Deletes the stack and follows its events until it is gone. */
export async function destroyStack(options: StackOptions, stackName: string): Promise<void> {
  if (!(await describeStack(options.clients, stackName))) return;
  const since = new Date();
  await options.clients.cloudformation().send(new DeleteStackCommand({ StackName: stackName }));
  const stack = await follow(options, stackName, since, (s) => s.StackStatus !== "DELETE_IN_PROGRESS");
  if (stack && stack.StackStatus !== "DELETE_COMPLETE") {
    throw new StackFailedError(
      `Stack ${stackName} could not be deleted: ${stack.StackStatus} ${stack.StackStatusReason ?? ""}.`,
    );
  }
}

/** Polls the stack until `settled`, turning new stack events into progress events. */
async function follow(
  options: StackOptions,
  stackName: string,
  since: Date,
  settled: (stack: Stack) => boolean,
): Promise<Stack | undefined> {
  const seen = new Set<string>();
  const started = new Map<string, number>();
  return waitUntil(
    async () => {
      const stack = await describeStack(options.clients, stackName);
      for (const event of await eventsSince(options.clients, stackName, since)) {
        if (seen.has(event.EventId as string)) continue;
        seen.add(event.EventId as string);
        report(event, started, options.onEvent);
      }
      if (!stack) return { StackStatus: "DELETE_COMPLETE" } as Stack;
      return settled(stack) ? stack : undefined;
    },
    {
      what: `stack ${stackName}`,
      intervalMs: 500,
      maxIntervalMs: 5000,
      timeoutMs: options.timeoutMs ?? 60 * 60_000,
    },
    options.sleep,
  );
}

function report(
  event: StackEvent,
  started: Map<string, number>,
  onEvent?: (event: EngineEvent) => void,
): void {
  const address = `${event.ResourceType} ${event.LogicalResourceId}`;
  const status = event.ResourceStatus ?? "";
  const action = status.startsWith("DELETE") ? "delete" : status.startsWith("UPDATE") ? "update" : "create";
  const at = event.Timestamp?.getTime() ?? Date.now();
  if (status.endsWith("_IN_PROGRESS")) {
    started.set(address, at);
    onEvent?.({ type: "resource.started", address, action });
  } else if (status.endsWith("_COMPLETE")) {
    onEvent?.({
      type: "resource.finished",
      address,
      action,
      ms: at - (started.get(address) ?? at),
      adopted: false,
    });
  } else if (status.endsWith("_FAILED")) {
    onEvent?.({
      type: "resource.failed",
      address,
      action,
      ms: at - (started.get(address) ?? at),
      error: { name: "StackResourceFailed", message: event.ResourceStatusReason ?? status },
    });
  }
}

async function eventsSince(clients: AwsClients, stackName: string, since: Date): Promise<StackEvent[]> {
  const events: StackEvent[] = [];
  try {
    const { StackEvents } = await clients
      .cloudformation()
      .send(new DescribeStackEventsCommand({ StackName: stackName }));
    for (const event of StackEvents ?? [])
      if ((event.Timestamp?.getTime() ?? 0) >= since.getTime() - 1000) events.push(event);
  } catch (error) {
    if (!isMissingStack(error)) throw error;
  }
  return events.reverse();
}

async function describeStack(clients: AwsClients, stackName: string): Promise<Stack | undefined> {
  try {
    const { Stacks } = await clients
      .cloudformation()
      .send(new DescribeStacksCommand({ StackName: stackName }));
    const stack = Stacks?.[0];
    return stack?.StackStatus === "DELETE_COMPLETE" ? undefined : stack;
  } catch (error) {
    if (isMissingStack(error)) return undefined;
    throw error;
  }
}

async function outcomeOf(clients: AwsClients, stackName: string): Promise<StackOutcome> {
  const stack = await describeStack(clients, stackName);
  const { StackResources } = await clients
    .cloudformation()
    .send(new DescribeStackResourcesCommand({ StackName: stackName }));
  return {
    status: stack?.StackStatus ?? "MISSING",
    outputs: Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey ?? "", o.OutputValue ?? ""])),
    resources: Object.fromEntries(
      (StackResources ?? []).map((r) => [r.LogicalResourceId ?? "", r.PhysicalResourceId ?? ""]),
    ),
  };
}

/** CloudFormation answers a missing stack with a ValidationError that says so. */
function isMissingStack(error: unknown): boolean {
  return error instanceof AwsRequestError && /does not exist/.test(error.message);
}

function stackChange(change: Change): StackChange {
  const r = change.ResourceChange ?? {};
  const replace = r.Action === "Modify" && r.Replacement === "True";
  return {
    action: r.Action === "Add" ? "create" : r.Action === "Remove" ? "delete" : replace ? "replace" : "update",
    logicalId: r.LogicalResourceId ?? "",
    type: r.ResourceType ?? "",
    ...(r.Replacement ? { replacement: r.Replacement } : {}),
  };
}
