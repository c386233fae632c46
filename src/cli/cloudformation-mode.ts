import { randomUUID } from "node:crypto";
import { generate } from "../codegen/generate.ts";
import {
  applyStack,
  destroyStack,
  discardPlan,
  planStack,
  type StackChange,
  type StackOptions,
  type StackPlan,
  stackResources,
} from "../engine/cloudformation/stack-deployer.ts";
import { NotConfirmedError } from "../engine/errors.ts";
import { withLock } from "../engine/with-lock.ts";
import { InputError } from "../errors.ts";
import type { DeployContext } from "./deploy-context.ts";
import { progressPrinter } from "./deploy-context.ts";
import { EXIT } from "./exit-codes.ts";
import type { CliIO } from "./io.ts";
import type { Style } from "./style.ts";

/**
 * `--engine cloudformation`: the environment becomes one CloudFormation stack, `plinth-<app>-<env>`,
 * deployed from the template `plinth generate --format cloudformation` writes. CloudFormation keeps
 * the state; its change set is the plan. plinth holds the environment's lock meanwhile and appends
 * an audit record for every deploy and destroy.
 */
export function stackNameOf(d: DeployContext): string {
  return `plinth-${d.key.app}-${d.key.env}`.replace(/[^A-Za-z0-9-]/g, "-").slice(0, 128);
}

/** `plinth plan --engine cloudformation`: a change set, shown and then deleted. */
export async function planWithCloudFormation(io: CliIO, d: DeployContext, destroy: boolean): Promise<number> {
  const options = await stackOptions(d);
  if (destroy) return showDestroy(io, d, options);
  const plan = await planStack(options, stackNameOf(d), templateOf(d), {
    "plinth:app": d.key.app,
    "plinth:env": d.key.env,
  });
  await discardPlan(options, plan);
  io.stdout(
    d.ctx.json ? `${JSON.stringify(planJson(d, plan), null, 2)}\n` : renderChangeSet(plan, d.ctx.style),
  );
  return plan.changes.length > 0 ? EXIT.attention : EXIT.ok;
}

/** `plinth apply|destroy --engine cloudformation`, under the environment's lock. */
export async function deployWithCloudFormation(
  io: CliIO,
  d: DeployContext,
  command: "apply" | "destroy",
  autoApprove: boolean,
): Promise<number> {
  const options = { ...(await stackOptions(d)), onEvent: progressPrinter(io, d.ctx) };
  const stackName = stackNameOf(d);
  return withLock(d.store, d.key, d.lockRequest(command), async () => {
    if (command === "destroy") {
      const existing = await showDestroy(io, d, options);
      if (existing === EXIT.ok) return EXIT.ok;
      if (!autoApprove) await confirm(io, d, command);
      await recorded(d, command, () => destroyStack(options, stackName));
      output(io, d, command, stackName, "succeeded", {});
      return EXIT.ok;
    }
    const plan = await planStack(options, stackName, templateOf(d), {
      "plinth:app": d.key.app,
      "plinth:env": d.key.env,
    });
    if (!d.ctx.json) io.stdout(renderChangeSet(plan, d.ctx.style));
    if (plan.changes.length === 0) {
      output(io, d, command, stackName, "unchanged", {});
      return EXIT.ok;
    }
    if (!autoApprove) {
      try {
        await confirm(io, d, command);
      } catch (error) {
        await discardPlan(options, plan);
        throw error;
      }
    }
    const outcome = await recorded(d, command, () => applyStack(options, plan));
    output(io, d, command, stackName, "succeeded", outcome.resources, outcome.outputs);
    return EXIT.ok;
  });
}

/** A template for the environment; refused when it needs nested stacks (their templates go through S3). */
function templateOf(d: DeployContext): string {
  const files = generate(d.graph, "cloudformation");
  const template = files.get("template.yaml");
  if (!template || files.size > 1) {
    throw new InputError(
      `${d.key.app}/${d.key.env} generates nested stacks (${d.graph.nodes.length} resources), which --engine cloudformation does not deploy yet.`,
      {
        hint: "Deploy with the native engine (the default), or generate the templates and deploy them with your tooling.",
      },
    );
  }
  return template;
}

async function stackOptions(d: DeployContext): Promise<StackOptions> {
  return { clients: await d.awsClients(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
}

async function showDestroy(io: CliIO, d: DeployContext, options: StackOptions): Promise<number> {
  const stack = await stackResources(options, stackNameOf(d));
  const changes: StackChange[] = Object.keys(stack?.resources ?? {}).map((logicalId) => ({
    action: "delete",
    logicalId,
    type: "",
  }));
  const plan: StackPlan = {
    stackName: stackNameOf(d),
    changeSetName: "",
    stackExists: Boolean(stack),
    changes,
  };
  if (!d.ctx.json) io.stdout(renderChangeSet(plan, d.ctx.style));
  return changes.length > 0 || stack ? EXIT.attention : EXIT.ok;
}

async function confirm(io: CliIO, d: DeployContext, command: "apply" | "destroy"): Promise<void> {
  if (!io.prompt || d.ctx.json) {
    throw new NotConfirmedError(
      `plinth ${command} needs a confirmation and there is no terminal to ask; nothing was changed.`,
      { hint: "Review `plinth plan --engine cloudformation`, then run again with --auto-approve." },
    );
  }
  const answer = (
    await io.prompt(`\nDo you want to ${command} stack ${stackNameOf(d)}? Only 'yes' will be accepted: `)
  ).trim();
  if (answer !== "yes")
    throw new NotConfirmedError(`${command} cancelled: the answer was not \`yes\`; nothing was changed.`);
}

/** Runs the stack operation and appends an audit record whatever its outcome. */
async function recorded<T>(
  d: DeployContext,
  command: "apply" | "destroy",
  work: () => Promise<T>,
): Promise<T> {
  let outcome: "succeeded" | "failed" = "failed";
  try {
    const result = await work();
    outcome = "succeeded";
    return result;
  } finally {
    await d.store.appendAudit(d.key, {
      id: randomUUID(),
      at: new Date().toISOString(),
      principal: d.actor.principal,
      trigger: d.actor.trigger,
      action: `${command} (cloudformation)`,
      target: `${d.key.app}/${d.key.env}`,
      outcome,
      detail: { stack: stackNameOf(d) },
    });
  }
}

function output(
  io: CliIO,
  d: DeployContext,
  command: "apply" | "destroy",
  stackName: string,
  outcome: "succeeded" | "unchanged",
  resources: Record<string, string>,
  outputs: Record<string, string> = {},
): void {
  if (d.ctx.json) {
    io.stdout(
      `${JSON.stringify({ engine: "cloudformation", command, app: d.key.app, env: d.key.env, stackName, outcome, resources, outputs }, null, 2)}\n`,
    );
  } else if (outcome === "succeeded") {
    const verb = command === "destroy" ? "Destroy" : "Apply";
    io.stdout(
      `\n${d.ctx.style.green(`${verb} complete!`)} Stack ${stackName}: ${Object.keys(resources).length} resources.\n`,
    );
  }
}

function planJson(d: DeployContext, plan: StackPlan) {
  return {
    engine: "cloudformation",
    app: d.key.app,
    env: d.key.env,
    stackName: plan.stackName,
    stackExists: plan.stackExists,
    changes: plan.changes,
    summary: countStackChanges(plan.changes),
  };
}

function countStackChanges(changes: StackChange[]) {
  const counts = { create: 0, update: 0, replace: 0, delete: 0 };
  for (const change of changes) counts[change.action]++;
  return counts;
}

/** A change set in the style of plan output: one line per logical resource. */
export function renderChangeSet(plan: StackPlan, style: Style): string {
  if (plan.changes.length === 0)
    return `${style.green("No changes.")} Stack ${plan.stackName} matches the template${plan.stackExists ? "" : " (it does not exist)"}.\n`;
  const symbol = {
    create: style.green("  +"),
    update: style.yellow("  ~"),
    replace: `${style.red("-")}/${style.green("+")}`,
    delete: style.red("  -"),
  };
  const lines = plan.changes.map(
    (c) =>
      `${symbol[c.action]} ${c.type ? `${c.type} ` : ""}${c.logicalId}${c.replacement === "Conditional" ? " (may be replaced)" : ""}`,
  );
  const { create, update, replace, delete: destroy } = countStackChanges(plan.changes);
  return `CloudFormation ${plan.stackExists ? "update" : "creation"} of stack ${plan.stackName}:\n${lines.join("\n")}\n\n${style.bold("Plan:")} ${create + replace} to add, ${update} to change, ${destroy + replace} to destroy.\n`;
}
