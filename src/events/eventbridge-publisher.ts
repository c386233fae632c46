import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandOutput,
} from "@aws-sdk/client-eventbridge";
import type { ArtifactStore } from "../artifacts/artifact-store.ts";
import { OFFLOAD_THRESHOLD_BYTES, offloadIfLarge } from "../artifacts/offload.ts";
import { isTransientAwsError } from "../aws-transient.ts";
import { PlinthError } from "../errors.ts";
import type { EventInput } from "./envelope.ts";
import type { EventPublisher } from "./publisher.ts";
import { validateEvent } from "./validate-event.ts";

/** EventBridge refused or throttled the event; publishing again later may work. */
export class EventBusUnavailableError extends PlinthError {
  override name = "EventBusUnavailableError";
  override readonly retryable = true;
}

/** EventBridge rejected the entry itself (malformed, not authorised): retrying will not help. */
export class EventRejectedError extends PlinthError {
  override name = "EventRejectedError";
}

export interface EventBridgePublisherOptions {
  client: EventBridgeClient;
  busName: string;
  artifacts: ArtifactStore;
  /** Details whose JSON is larger go to the artifact store (default ~200 KB). */
  offloadThreshold?: number;
}

export class EventBridgePublisher implements EventPublisher {
  readonly #options: EventBridgePublisherOptions;

  constructor(options: EventBridgePublisherOptions) {
    this.#options = options;
  }

  async publish(event: EventInput): Promise<string> {
    validateEvent(event);
    const detail = await offloadIfLarge(
      event.detail,
      this.#options.artifacts,
      `events/${event["detail-type"]}`,
      this.#options.offloadThreshold ?? OFFLOAD_THRESHOLD_BYTES,
    );
    let response: PutEventsCommandOutput;
    try {
      response = await this.#options.client.send(
        new PutEventsCommand({
          Entries: [
            {
              EventBusName: this.#options.busName,
              Source: event.source,
              DetailType: event["detail-type"],
              Detail: JSON.stringify(detail),
              ...(event.resources ? { Resources: event.resources } : {}),
              ...(event.time ? { Time: new Date(event.time) } : {}),
            },
          ],
        }),
      );
    } catch (error) {
      if (isTransientAwsError(error))
        throw new EventBusUnavailableError(
          `EventBridge did not accept ${event["detail-type"]}: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      throw error;
    }
    const entry = response.Entries?.[0];
    if (!entry?.EventId) {
      const message =
        `EventBridge refused ${event["detail-type"]}: ${entry?.ErrorCode ?? "no event id"} ${entry?.ErrorMessage ?? ""}`.trim();
      if (entry?.ErrorCode && isTransientAwsError({ name: entry.ErrorCode }))
        throw new EventBusUnavailableError(message);
      throw new EventRejectedError(message);
    }
    return entry.EventId;
  }
}
