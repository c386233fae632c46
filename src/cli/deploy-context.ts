import { hostname, userInfo } from "node:os";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import type { ArtifactStore } from "../artifacts/artifact-store.ts";
import type { ResourceHandlersFor } from "../control/deploy/deploy-dependencies.ts";
import type { EngineEvent } from "../engine/engine-events.ts";
import type { HandlerRegistry } from "../engine/resource-handler.ts";
import { InputError } from "../errors.ts";
import { buildGraph } from "../model/build-graph.ts";
import type { ResourceGraph } from "../model/graph.ts";
import type { AwsClients } from "../providers/aws/aws-clients.ts";
import { readSpecText } from "../spec/load-spec.ts";
import { SpecDocuments } from "../spec/spec-documents.ts";
import type { ResolvedSpec } from "../spec/types.ts";
import type { StateStore } from "../state/store.ts";
import type { Actor, LockRequest, StateKey } from "../state/types.ts";
import { awsAccess } from "./aws-resources.ts";
import { type CommandContext, type CommonOptions, contextFor } from "./command-context.ts";
import type { CliIO } from "./io.ts";
import { resolvePath } from "./paths.ts";
import { describeWarning } from "./report-error.ts";
import { openStateLocation } from "./state-location.ts";

export interface DeployOptions extends CommonOptions {
  refresh?: boolean;
  engine?: string;
  parallelism?: string;
  var?: string[];
  state?: string;
}

/** Everything plan, apply, destroy and history need for one environment. */
export interface DeployContext {
  ctx: CommandContext;
  spec: ResolvedSpec;
  /** The spec file, absolute. */
  specPath: string;
  /** The spec as parsed, for the workflow's steps to share. */
  documents: SpecDocuments;
  graph: ResourceGraph;
  key: StateKey;
  store: StateStore;
  /** Where workflow runs keep their artifacts (plans, results). */
  artifacts: ArtifactStore;
  /** The directory of a local state location (`.plinth` next to the spec by default). */
  localDir?: string;
  /**
   * The handlers of `types` (and more). AWS's load the AWS SDK, which takes a while: only when an AWS
   * type is among them, and after the lock, not before.
   */
  handlers: (types: Iterable<string>) => Promise<HandlerRegistry>;
  /** The same for any region and role: what the deploy workflow's steps are given. */
  resources: ResourceHandlersFor;
  actor: Actor;
  lockRequest: (operation: string) => LockRequest;
  variables: Record<string, string>;
  parallelism: number;
  /** AWS clients for the environment's region and identity (loads the AWS SDK on first use). */
  awsClients: () => Promise<AwsClients>;
  /** `native` (plinth's engine, the default) or `cloudformation` (a stack through change sets). */
  engine: "native" | "cloudformation";
  /** Closes network clients so the process can exit. */
  close: () => void;
}

/** Options shared by plan, apply and destroy. */
export function withDeployOptions(command: Command): Command {
  return command
    .option("--refresh", "read every resource from the cloud before planning (finds drift and deletions)")
    .option(
      "--engine <engine>",
      "native (plinth's engine) or cloudformation (AWS: a stack, via change sets)",
      "native",
    )
    .option("--parallelism <n>", "resources changed at once", "10")
    .option("--var <name=value...>", "a value for an input of the graph (also PLINTH_VAR_<name>)")
    .option(
      "--state <location>",
      "where state is kept: a directory (default: .plinth next to the spec) or dynamodb:TABLE[/BUCKET]",
    );
}

export async function deployContext(io: CliIO, options: DeployOptions): Promise<DeployContext> {
  const ctx = contextFor(io, options);
  const path = resolvePath(io, options.file);
  const documents = new SpecDocuments();
  const doc = documents.parse(readSpecText(path.absolute, path.display), path.display);
  const { spec, graph, warnings } = buildGraph(doc, { env: options.env });
  for (const warning of warnings) io.stderr(describeWarning(warning, ctx.style));
  const debug = ctx.debug ? (line: string) => io.stderr(ctx.style.dim(`debug: ${line}\n`)) : undefined;
  const defaultDir = join(dirname(path.absolute), ".plinth");
  const state = options.state ?? defaultDir;
  // The AWS SDK takes a while to load: only environments that need it pay for it, when they need it.
  const aws = awsAccess(io, debug);
  const target = { region: spec.region, roleArn: spec.roleArn };
  const awsClients = () => aws.clients(target);
  const location = await openStateLocation(state, io, awsClients, join(defaultDir, "artifacts"));
  const handlers = (types: Iterable<string>) => aws.resources(types, target);
  const principal = `${io.env.USER ?? io.env.LOGNAME ?? safeUser()}@${hostname()}`;
  return {
    ctx,
    spec,
    specPath: path.absolute,
    documents,
    graph,
    key: { app: spec.app, env: spec.env },
    store: location.store,
    artifacts: location.artifacts,
    ...(location.localDir ? { localDir: location.localDir } : {}),
    handlers,
    resources: aws.resources,
    actor: { principal, trigger: io.env.CI ? "ci" : "cli" },
    lockRequest: (operation) => ({
      holder: `${principal} (pid ${process.pid})`,
      operation,
      host: hostname(),
      pid: process.pid,
    }),
    variables: variablesFrom(io.env, options.var ?? []),
    parallelism: parseParallelism(options.parallelism),
    awsClients,
    engine: parseEngine(options.engine, spec.cloud),
    close: aws.close,
  };
}

/**
 * Progress for people: one line per resource when it is done, with its time (Terraform's "Creation
 * complete after 3s"); a resource still running after 10 s gets a "Still creating..." line every 10 s.
 * For machines (`--json`): every engine event as one JSON line on stderr (schemas/cli/events.schema.json),
 * while stdout keeps the single result document.
 */
export function progressPrinter(io: CliIO, ctx: CommandContext): (event: EngineEvent) => void {
  const verbs: Record<string, [string, string]> = {
    create: ["creating", "Creation"],
    update: ["modifying", "Modifications"],
    replace: ["replacing", "Replacement"],
    delete: ["destroying", "Destruction"],
  };
  const running = new Map<string, NodeJS.Timeout>();
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
  return (event) => {
    if (ctx.json) {
      io.stderr(`${JSON.stringify({ at: new Date().toISOString(), ...event })}\n`);
      return;
    }
    const [doing, done] = ("action" in event ? verbs[event.action] : undefined) ?? ["working on", "Work"];
    if (event.type === "resource.started") {
      const since = performance.now();
      const timer = setInterval(
        () =>
          io.stdout(
            `${event.address}: Still ${doing}... [${Math.round((performance.now() - since) / 1000)}s elapsed]\n`,
          ),
        10_000,
      );
      timer.unref();
      running.set(event.address, timer);
      return;
    }
    clearInterval(running.get(event.address));
    running.delete(event.address);
    if (event.type === "resource.finished")
      io.stdout(
        `${event.address}: ${ctx.style.green(`${done} complete`)} after ${seconds(event.ms)}${event.adopted ? " (adopted: found by its tags after an interrupted apply)" : ""}\n`,
      );
    else if (event.type === "resource.failed")
      io.stdout(
        `${event.address}: ${ctx.style.red(`${done} failed`)} after ${seconds(event.ms)}: ${event.error.message}\n`,
      );
    else if (event.type === "resource.retry" && ctx.debug)
      io.stderr(
        ctx.style.dim(
          `debug: ${event.address}: retry ${event.attempt} in ${event.delayMs}ms after ${event.error.name}: ${event.error.message}\n`,
        ),
      );
  };
}

export function variablesFrom(
  env: Readonly<Record<string, string | undefined>>,
  pairs: string[],
): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(env))
    if (name.startsWith("PLINTH_VAR_") && value !== undefined)
      variables[name.slice("PLINTH_VAR_".length)] = value;
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new InputError(`--var takes NAME=VALUE, not \`${pair.slice(0, 40)}\`.`);
    variables[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return variables;
}

function parseEngine(value: string | undefined, cloud: string): "native" | "cloudformation" {
  if (value === undefined || value === "native") return "native";
  if (value !== "cloudformation")
    throw new InputError(`--engine must be native or cloudformation, not \`${value.slice(0, 40)}\`.`);
  if (cloud !== "aws")
    throw new InputError(`--engine cloudformation deploys to AWS; this environment targets ${cloud}.`, {
      hint: "Use the native engine (the default).",
    });
  return value;
}

export function parseParallelism(value: string | undefined): number {
  const n = Number(value ?? "10");
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new InputError(`--parallelism must be a whole number from 1 to 256, not \`${value}\`.`);
  return n;
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}
