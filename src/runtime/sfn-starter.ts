import { type SFNClient, StartExecutionCommand } from "@aws-sdk/client-sfn";
import { isTransientAwsError } from "../aws-transient.ts";
import type { WorkflowStarter } from "../events/dispatch.ts";
import type { PlinthEvent } from "../events/envelope.ts";
import { InvalidWorkflowError, WorkflowServiceUnavailableError } from "./errors.ts";

export interface SfnStarterOptions {
  client: SFNClient;
  /** State machine ARN by workflow name (from the stack's outputs). */
  stateMachines: Readonly<Record<string, string>>;
}

/**
 * Starts Step Functions executions named after the triggering event. StartExecution is idempotent for a
 * name already used with the same input, and answers ExecutionAlreadyExists for another input: either
 * way a redelivered event starts nothing new.
 */
export class SfnWorkflowStarter implements WorkflowStarter {
  readonly #options: SfnStarterOptions;

  constructor(options: SfnStarterOptions) {
    this.#options = options;
  }

  async start(
    workflow: string,
    input: PlinthEvent,
    runId: string,
  ): Promise<{ runId: string; started: boolean }> {
    const stateMachineArn = this.#options.stateMachines[workflow];
    if (!stateMachineArn)
      throw new InvalidWorkflowError(`No state machine is deployed for workflow ${workflow}.`);
    try {
      await this.#options.client.send(
        new StartExecutionCommand({ stateMachineArn, name: runId, input: JSON.stringify(input) }),
      );
      // Also for an idempotent repeat (same name and input): AWS then returns the existing execution.
      return { runId, started: true };
    } catch (error) {
      const name = (error as Error).name;
      if (name === "ExecutionAlreadyExists") return { runId, started: false };
      if (isTransientAwsError(error))
        throw new WorkflowServiceUnavailableError(
          `Step Functions did not start ${runId}: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      throw error;
    }
  }
}
