import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import { receiveGitHubWebhook } from "../../src/control/github-webhook.ts";
import { InvalidEventError } from "../../src/events/errors.ts";
import { type FrontDoorDependencies, startFromJson } from "../front-door.ts";
import type { Provide } from "../middleware.ts";

/** The GitHub webhook as an Azure Functions v4 HTTP handler. */
export function createAzureWebhook(deps: Provide<FrontDoorDependencies>) {
  return async (request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> => {
    const { secret, deliveries, publisher } = await deps();
    const headers = Object.fromEntries([...request.headers].map(([k, v]) => [k.toLowerCase(), v]));
    const { status, body } = await receiveGitHubWebhook(
      { headers, body: await request.text() },
      { secret: await secret(), deliveries, publisher },
    );
    return { status, jsonBody: body };
  };
}

/**
 * start-workflow behind an Event Grid subscription with CloudEvents 1.0 delivery: answers the abuse-
 * protection handshake (OPTIONS with WebHook-Request-Origin), then starts a run for each event whose
 * `data` is a plinth event.
 */
export function createAzureStartWorkflow(deps: Provide<FrontDoorDependencies>) {
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    if (request.method === "OPTIONS") {
      const origin = request.headers.get("webhook-request-origin");
      return origin ? { status: 200, headers: { "WebHook-Allowed-Origin": origin } } : { status: 400 };
    }
    let events: unknown;
    try {
      events = JSON.parse(await request.text());
    } catch {
      return { status: 400, jsonBody: { message: "The body is not JSON." } };
    }
    const { starter } = await deps();
    const runs = [];
    for (const cloudEvent of Array.isArray(events) ? events : [events]) {
      const data = JSON.stringify((cloudEvent as { data?: unknown }).data ?? null);
      try {
        runs.push(...(await startFromJson(data, starter)));
      } catch (error) {
        if (!(error instanceof InvalidEventError)) throw error;
        // A malformed event will never succeed: acknowledge it (no redelivery loop) and log why.
        context.warn(`start-workflow dropped an event: ${error.message}`);
      }
    }
    return { status: 200, jsonBody: { deliveries: runs } };
  };
}
