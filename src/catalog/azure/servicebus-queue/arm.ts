import { type ArmMapping, defined, ID, NAME } from "../../arm-mapping.ts";

export const servicebusQueue: ArmMapping = {
  type: "Microsoft.ServiceBus/namespaces/queues",
  apiVersion: "2024-01-01",
  parent: { argument: "namespace_id" },
  body: (args) => ({
    properties: defined({
      defaultMessageTimeToLive: args.get("default_message_ttl"),
      lockDuration: args.get("lock_duration"),
      requiresSession: args.get("requires_session"),
      requiresDuplicateDetection: args.get("requires_duplicate_detection"),
      maxDeliveryCount: args.get("max_delivery_count"),
      deadLetteringOnMessageExpiration: args.get("dead_lettering_on_message_expiration"),
    }),
  }),
  attributes: { id: ID, name: NAME },
};
