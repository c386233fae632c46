import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { ArtifactStore } from "../artifacts/artifact-store.ts";
import { offloadIfLarge } from "../artifacts/offload.ts";
import { type Delivery, dispatchEvent, type WorkflowStarter } from "./dispatch.ts";
import { completeEvent, type EnvelopeDefaults, type EventInput, type PlinthEvent } from "./envelope.ts";
import type { EventPublisher } from "./publisher.ts";
import type { Route } from "./routes.ts";
import { validateEvent } from "./validate-event.ts";

export interface LocalBusOptions extends EnvelopeDefaults {
  starter: WorkflowStarter;
  artifacts: ArtifactStore;
  routes?: ReadonlyArray<Route>;
  /** Append-only JSON-lines log of every event put (the local equivalent of an archive). */
  logFile?: string;
  /** Called with each event after routing (outcome listeners, `plinth serve` output). */
  onEvent?: (event: PlinthEvent, deliveries: Delivery[]) => void;
}

/**
 * The embedded EventBridge: validates an event, fills its envelope, matches it against the same
 * routing rules the cloud uses, and starts each matching workflow with a name derived from the event id.
 */
export class LocalBus implements EventPublisher {
  readonly #options: LocalBusOptions;

  constructor(options: LocalBusOptions) {
    this.#options = options;
  }

  async publish(input: EventInput): Promise<string> {
    return (await this.put(input)).event.id;
  }

  async put(input: EventInput): Promise<{ event: PlinthEvent; deliveries: Delivery[] }> {
    validateEvent(input);
    const event = completeEvent(input, this.#options);
    const detail = await offloadIfLarge(
      event.detail,
      this.#options.artifacts,
      `events/${event["detail-type"]}`,
    );
    const delivered = { ...event, detail } as PlinthEvent;
    if (this.#options.logFile) {
      await mkdir(dirname(this.#options.logFile), { recursive: true });
      await appendFile(this.#options.logFile, `${JSON.stringify(delivered)}\n`);
    }
    const deliveries = await dispatchEvent(delivered, this.#options.starter, this.#options.routes);
    this.#options.onEvent?.(delivered, deliveries);
    return { event: delivered, deliveries };
  }
}
