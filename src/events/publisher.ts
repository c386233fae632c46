import type { EventInput } from "./envelope.ts";

/** Puts plinth events on a bus: EventBridge in the cloud, the local bus embedded. */
export interface EventPublisher {
  /** Validates, offloads a large detail to the artifact store, publishes; resolves to the event id. */
  publish(event: EventInput): Promise<string>;
}
