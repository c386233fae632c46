import { SFNClient } from "@aws-sdk/client-sfn";
import { SfnWorkflowStarter } from "../../src/runtime/sfn-starter.ts";
import { SfnTaskTokens } from "../../src/runtime/sfn-task-tokens.ts";
import type { HandlerConfig } from "../config.ts";

/** Starts the state machines, one execution per event id. */
export const workflowStarter = (config: HandlerConfig) =>
  new SfnWorkflowStarter({
    client: new SFNClient({ region: config.region }),
    stateMachines: config.stateMachines,
  });

/** Resumes a waiting approval by its task token. */
export const taskTokens = (config: HandlerConfig) =>
  new SfnTaskTokens(new SFNClient({ region: config.region }));
