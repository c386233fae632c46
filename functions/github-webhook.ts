import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import {
  deliveriesIn,
  receiveGitHubWebhook,
  type WebhookDependencies,
} from "../src/control/github-webhook.ts";
import { eventPublisher } from "./aws/bus.ts";
import { now } from "./aws/clock.ts";
import { webhookSecret } from "./aws/secrets.ts";
import { stateStore } from "./aws/state.ts";
import { readConfig } from "./config.ts";
import { json, lowerCaseHeaders, rawBody } from "./http.ts";
import { lazy, type Provide } from "./middleware.ts";

/**
 * Function URL for GitHub: the signature is checked over the raw body before anything else is read;
 * no JSON schema runs first, since an unsigned body is not worth parsing.
 */
export function createGitHubWebhookHandler(deps: Provide<WebhookDependencies>) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>().handler(async (event) => {
    const { secret, deliveries, publisher } = await deps();
    const request = { headers: lowerCaseHeaders(event), body: rawBody(event) };
    const { status, body } = await receiveGitHubWebhook(request, {
      secret: await secret(),
      deliveries,
      publisher,
    });
    return json(status, body);
  });
}

export const handler = createGitHubWebhookHandler(
  lazy(async () => {
    const config = readConfig();
    return {
      secret: webhookSecret(config),
      deliveries: deliveriesIn(await stateStore(config), now),
      publisher: eventPublisher(config),
    };
  }),
);
