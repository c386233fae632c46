import type { EventPublisher } from "../../src/events/publisher.ts";
import type { HandlerConfig } from "../config.ts";

/**
 * The bus, loaded with the first event a handler publishes: EventBridge's client, the event
 * catalogue's validators and the artifact bucket (for large details) load only when there is an
 * event to send.
 */
export const eventPublisher = (config: HandlerConfig): EventPublisher => {
  let publisher: Promise<EventPublisher> | undefined;
  return {
    publish: async (event) => {
      publisher ??= Promise.all([
        import("@aws-sdk/client-eventbridge"),
        import("../../src/events/eventbridge-publisher.ts"),
        import("./artifacts.ts"),
      ]).then(
        async ([{ EventBridgeClient }, { EventBridgePublisher }, { artifactStore }]) =>
          new EventBridgePublisher({
            client: new EventBridgeClient({ region: config.region }),
            busName: config.busName,
            artifacts: await artifactStore(config),
          }),
      );
      return (await publisher).publish(event);
    },
  };
};
