import { SendTaskFailureCommand, SendTaskSuccessCommand, type SFNClient } from "@aws-sdk/client-sfn";
import type { TaskTokenSink } from "../control/decide-approval.ts";

/** Step Functions' callback API for `.waitForTaskToken` tasks. */
export class SfnTaskTokens implements TaskTokenSink {
  readonly #client: SFNClient;

  constructor(client: SFNClient) {
    this.#client = client;
  }

  async succeed(token: string, output: unknown): Promise<void> {
    await this.#client.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
  }

  async fail(token: string, error: string, cause: string): Promise<void> {
    await this.#client.send(new SendTaskFailureCommand({ taskToken: token, error, cause }));
  }
}
