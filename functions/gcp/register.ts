import { type CloudEvent, cloudEvent, http } from "@google-cloud/functions-framework";
import { receiveGitHubWebhook } from "../../src/control/github-webhook.ts";
import { InvalidEventError } from "../../src/events/errors.ts";
import type { FrontDoorDependencies } from "../front-door.ts";
import { startFromJson } from "../front-door.ts";
import type { Provide } from "../middleware.ts";

/** A Pub/Sub message as a CloudEvent carries it (push deliveries are converted by the framework). */
interface PubSubData {
  message?: { data?: string; messageId?: string };
}

/**
 * The GCP entry points: `githubWebhook` (HTTP) and `startWorkflow` (Pub/Sub topic of plinth events,
 * as a CloudEvent). Deploy with `gcloud functions deploy … --entry-point githubWebhook|startWorkflow`.
 */
export function registerGcpFunctions(deps: Provide<FrontDoorDependencies>): void {
  http("githubWebhook", async (request, response) => {
    const { secret, deliveries, publisher } = await deps();
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
    );
    // The framework keeps the raw bytes: the signature is over them, not over re-serialised JSON.
    const body = request.rawBody?.toString("utf8") ?? "";
    const { status, body: answer } = await receiveGitHubWebhook(
      { headers, body },
      { secret: await secret(), deliveries, publisher },
    );
    response.status(status).json(answer);
  });
  cloudEvent("startWorkflow", async (event: CloudEvent<PubSubData>) => {
    const data = event.data?.message?.data ?? "";
    try {
      await startFromJson(Buffer.from(data, "base64").toString("utf8"), (await deps()).starter);
    } catch (error) {
      if (!(error instanceof InvalidEventError)) throw error;
      // A malformed message never succeeds: acknowledge it (no redelivery loop) and log why.
      console.warn(`startWorkflow dropped message ${event.data?.message?.messageId}: ${error.message}`);
    }
  });
}
