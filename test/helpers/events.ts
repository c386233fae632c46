import type { EventInput } from "../../src/events/envelope.ts";
import type { EventPublisher } from "../../src/events/publisher.ts";
import { validateEvent } from "../../src/events/validate-event.ts";

/** A publisher that keeps what it was given, after checking it as the real ones do. */
export class RecordingPublisher implements EventPublisher {
  readonly events: EventInput[] = [];

  async publish(event: EventInput): Promise<string> {
    validateEvent(event);
    this.events.push(event);
    return `event-${this.events.length}`;
  }
}
