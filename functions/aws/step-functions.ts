import type { TaskTokenSink } from "../../src/control/decide-approval.ts";
import type { WorkflowStarter } from "../../src/events/dispatch.ts";
import type { HandlerConfig } from "../config.ts";

/** Starts the state machines, one execution per event id. */
export async function workflowStarter(config: HandlerConfig): Promise<WorkflowStarter> {
  const [{ SFNClient }, { SfnWorkflowStarter }] = await Promise.all([
    import("@aws-sdk/client-sfn"),
    import("../../src/runtime/sfn-starter.ts"),
  ]);
  return new SfnWorkflowStarter({
    client: new SFNClient({ region: config.region }),
    stateMachines: config.stateMachines,
  });
}

/** Resumes a waiting approval by its task token. */
export async function taskTokens(config: HandlerConfig): Promise<TaskTokenSink> {
  const [{ SFNClient }, { SfnTaskTokens }] = await Promise.all([
    import("@aws-sdk/client-sfn"),
    import("../../src/runtime/sfn-task-tokens.ts"),
  ]);
  return new SfnTaskTokens(new SFNClient({ region: config.region }));
}
