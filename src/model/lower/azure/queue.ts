import type { QueueComponent } from "../../../spec/types.ts";
import { Template } from "../../value.ts";
import type { LoweredComponent, LoweringContext } from "../context.ts";
import { placement } from "./resource-group.ts";

/** Service Bus holds a message's lock 5 seconds to 5 minutes; receivers renew it for longer work. */
const MIN_LOCK_SECONDS = 5;
const MAX_LOCK_SECONDS = 300;
/** Receives before a message is dead-lettered, as on AWS. */
const MAX_DELIVERIES = 5;

/**
 * A Service Bus queue in its own Standard namespace: Microsoft Entra authentication only (no shared access
 * keys), TLS 1.2, sessions for FIFO ordering, and with `deadLetter` expired messages and messages received
 * 5 times moved to the queue's dead-letter subqueue. Service Bus encrypts messages at rest itself.
 */
export function lowerAzureQueue(queue: QueueComponent, ctx: LoweringContext): LoweredComponent {
  const name = ctx.localName(queue);
  const fifo = queue.props.fifo ?? false;
  const deadLetter = queue.props.deadLetter ?? false;

  const namespace = ctx.add(queue, "azurerm_servicebus_namespace", name, {
    // Namespace names are global, 6 to 50 characters, and may not end in -sb or -mgmt: the suffix keeps
    // short names long enough.
    name: ctx.physicalName(queue, { max: 50 }, "bus"),
    ...placement(ctx),
    sku: "Standard",
    minimum_tls_version: "1.2",
    local_auth_enabled: false,
  });
  const address = ctx.add(queue, "azurerm_servicebus_queue", name, {
    name: queue.name,
    namespace_id: ctx.ref(namespace, "id"),
    default_message_ttl: `P${queue.props.retentionDays ?? 4}D`,
    lock_duration: `PT${lockSeconds(queue, ctx)}S`,
    ...(fifo ? { requires_session: true, requires_duplicate_detection: true } : {}),
    // Service Bus dead-letters after max_delivery_count in any case; without `deadLetter` it keeps its
    // default of 10 receives.
    ...(deadLetter ? { max_delivery_count: MAX_DELIVERIES, dead_lettering_on_message_expiration: true } : {}),
  });

  return {
    attributes: {
      id: ctx.ref(address, "id"),
      name: ctx.ref(address, "name"),
      // endpoint is https://<namespace>.servicebus.windows.net:443/
      url: new Template([ctx.ref(namespace, "endpoint"), ctx.ref(address, "name")]),
    },
  };
}

/** The visibility timeout as a Service Bus lock, within what Service Bus allows. */
function lockSeconds(queue: QueueComponent, ctx: LoweringContext): number {
  const wanted = queue.props.visibilityTimeoutSeconds ?? 30;
  const seconds = Math.min(Math.max(wanted, MIN_LOCK_SECONDS), MAX_LOCK_SECONDS);
  if (seconds !== wanted) {
    ctx.bag.warn(
      `The queue \`${queue.name}\` locks messages for ${seconds} seconds on Azure, not ${wanted}: Service Bus locks last ${MIN_LOCK_SECONDS} seconds to ${MAX_LOCK_SECONDS / 60} minutes.`,
      ctx.spec.sources.value(`${queue.pointer}/visibilityTimeoutSeconds`),
      wanted > MAX_LOCK_SECONDS ? "Renew the lock from the receiver for longer work." : undefined,
    );
  }
  return seconds;
}
