import * as validators from "../../schemas/generated/events.validate.js";
import { type CompiledValidator, schemaProblems } from "../schema-problems.ts";
import { EVENT_TYPES, isEventType } from "./catalog.ts";
import type { PlinthEvent } from "./envelope.ts";
import { InvalidEventError } from "./errors.ts";

/**
 * Checks an event (a full envelope or what a sender supplies) against its schema in schemas/events/,
 * precompiled. Throws an InvalidEventError that names the event, its id and the first problems.
 */
export function validateEvent(event: unknown, label = "The event"): void {
  const envelopeProblems = schemaProblems(validators.Envelope as CompiledValidator, event);
  if (envelopeProblems.length > 0) throw invalid(label, envelopeProblems);
  const { "detail-type": type, source } = event as PlinthEvent;
  if (!isEventType(type)) {
    throw new InvalidEventError(`${label} has detail-type \`${type}\`, which plinth does not know.`, {
      hint: `Known: ${Object.keys(EVENT_TYPES).join(", ")}.`,
    });
  }
  const sources: readonly string[] = EVENT_TYPES[type].sources;
  if (!sources.includes(source)) {
    throw new InvalidEventError(
      `${label} (${type}) comes from \`${source}\`; it may only come from ${sources.join(" or ")}.`,
    );
  }
  const problems = schemaProblems(
    (validators as Record<string, CompiledValidator>)[type] as CompiledValidator,
    event,
  );
  if (problems.length > 0) throw invalid(`${label} (${type})`, problems);
}

function invalid(label: string, problems: string[]): InvalidEventError {
  return new InvalidEventError(`${label} is invalid: ${problems.join("; ")}.`);
}
