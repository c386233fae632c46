import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { InvalidWorkflowError, WorkflowNotFoundError } from "./errors.ts";

/** How a Task state's work is done, read from its `Resource` (docs/control-plane.md, "Workflows"). */
export type TaskBinding =
  /** `${function:NAME}`: the handler functions/NAME.ts (a Lambda ARN once stacks/ substitutes it). */
  | { kind: "function"; handler: string }
  /** `arn:aws:states:::lambda:invoke.waitForTaskToken` with FunctionName `${function:NAME}`: an approval. */
  | { kind: "approval"; handler: string; timeoutSeconds: number }
  /** `arn:aws:states:::events:putEvents`: entries go to the event bus. */
  | { kind: "put-events" };

export interface WorkflowDefinition {
  name: string;
  file: string;
  /** The ASL document as written (JSONPath). */
  definition: AslDefinition;
  /** Every Task state, top-level or inside Map/Parallel, by name. */
  tasks: Map<string, TaskBinding>;
  /** Approval states: top-level only, so a run can stop there and resume later. */
  approvals: string[];
}

export interface AslDefinition {
  StartAt: string;
  States: Record<string, AslState>;
  Comment?: string;
  TimeoutSeconds?: number;
  QueryLanguage?: string;
}
export type AslState = Record<string, unknown> & { Type: string };

const FUNCTION = /^\$\{function:([a-z][a-z0-9-]*)\}$/;
const WAIT_FOR_TOKEN = "arn:aws:states:::lambda:invoke.waitForTaskToken";
const PUT_EVENTS = "arn:aws:states:::events:putEvents";
const NAME = /^[a-z][a-z0-9-]{0,62}$/;

/** The workflows in a directory: every `<name>.asl.json`. */
export function listWorkflows(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".asl.json"))
    .map((f) => f.slice(0, -".asl.json".length))
    .sort();
}

export function loadWorkflow(dir: string, name: string): WorkflowDefinition {
  if (!NAME.test(name)) throw new WorkflowNotFoundError(`\`${name.slice(0, 80)}\` is not a workflow name.`);
  const file = join(dir, `${name}.asl.json`);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new WorkflowNotFoundError(`No workflow \`${name}\` (${file}).`, {
      hint: `Known: ${listWorkflows(dir).join(", ")}.`,
    });
  }
  let definition: AslDefinition;
  try {
    definition = JSON.parse(text) as AslDefinition;
  } catch (error) {
    throw new InvalidWorkflowError(`${file} is not valid JSON: ${(error as Error).message}.`);
  }
  return bindWorkflow(name, file, definition);
}

/** Checks what the embedded runner needs beyond ASL validity and finds each Task's handler. */
export function bindWorkflow(name: string, file: string, definition: AslDefinition): WorkflowDefinition {
  if (definition.QueryLanguage && definition.QueryLanguage !== "JSONPath")
    throw new InvalidWorkflowError(
      `${file} uses ${definition.QueryLanguage}; plinth workflows are JSONPath only.`,
    );
  const tasks = new Map<string, TaskBinding>();
  const approvals: string[] = [];
  const visit = (states: Record<string, AslState>, topLevel: boolean) => {
    for (const [stateName, state] of Object.entries(states ?? {})) {
      if (state.QueryLanguage && state.QueryLanguage !== "JSONPath")
        throw new InvalidWorkflowError(
          `${file}: state ${stateName} uses ${String(state.QueryLanguage)}; use JSONPath.`,
        );
      if (state.Type === "Map") {
        const processor = (state.ItemProcessor ?? state.Iterator) as AslDefinition | undefined;
        if ((processor as { ProcessorConfig?: { Mode?: string } })?.ProcessorConfig?.Mode === "DISTRIBUTED")
          throw new InvalidWorkflowError(
            `${file}: Map ${stateName} is DISTRIBUTED; the embedded runner runs INLINE maps.`,
          );
        visit(processor?.States ?? {}, false);
      }
      if (state.Type === "Parallel")
        for (const branch of state.Branches as AslDefinition[]) visit(branch.States, false);
      if (state.Type !== "Task") continue;
      if (tasks.has(stateName))
        throw new InvalidWorkflowError(
          `${file}: two Task states are named ${stateName}; names must be unique in a workflow.`,
        );
      const binding = bindTask(file, stateName, state);
      if (binding.kind === "approval") {
        if (!topLevel)
          throw new InvalidWorkflowError(
            `${file}: approval state ${stateName} is inside a Map or Parallel; approvals must be top-level states.`,
          );
        approvals.push(stateName);
      }
      tasks.set(stateName, binding);
    }
  };
  visit(definition.States, true);
  return { name, file, definition, tasks, approvals };
}

function bindTask(file: string, stateName: string, state: AslState): TaskBinding {
  const resource = String(state.Resource);
  const direct = FUNCTION.exec(resource);
  if (direct) return { kind: "function", handler: direct[1] as string };
  if (resource === PUT_EVENTS) return { kind: "put-events" };
  if (resource === WAIT_FOR_TOKEN) {
    const parameters = (state.Parameters ?? {}) as Record<string, unknown>;
    const target = FUNCTION.exec(String(parameters.FunctionName));
    if (!target)
      throw new InvalidWorkflowError(
        `${file}: approval state ${stateName} needs Parameters.FunctionName of the form \${function:NAME}.`,
      );
    const timeoutSeconds = Number(state.TimeoutSeconds ?? state.HeartbeatSeconds);
    if (!Number.isInteger(timeoutSeconds) || timeoutSeconds <= 0)
      throw new InvalidWorkflowError(
        `${file}: approval state ${stateName} needs a TimeoutSeconds; approvals never wait forever.`,
      );
    return { kind: "approval", handler: target[1] as string, timeoutSeconds };
  }
  throw new InvalidWorkflowError(
    `${file}: Task ${stateName} has Resource ${resource.slice(0, 120)}; use \${function:NAME}, ${WAIT_FOR_TOKEN} or ${PUT_EVENTS}.`,
  );
}
