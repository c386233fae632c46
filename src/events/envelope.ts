import { randomUUID } from "node:crypto";
import type { EventType } from "./catalog.ts";

/** An event in EventBridge's envelope, as rules match it and targets receive it. */
export interface PlinthEvent<D extends object = Record<string, unknown>> {
  version: "0";
  id: string;
  "detail-type": string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: D;
}

/** What a sender supplies; the bus (EventBridge or local) fills in the rest. */
export interface EventInput<D extends object = Record<string, unknown>> {
  source: string;
  "detail-type": EventType | string;
  detail: D;
  id?: string;
  time?: string;
  account?: string;
  region?: string;
  resources?: string[];
}

export interface EnvelopeDefaults {
  now: () => Date;
  newId?: () => string;
  account?: string;
  region?: string;
}

/** Local account id of events that never went through AWS. */
export const LOCAL_ACCOUNT = "000000000000";

/** Completes an event as EventBridge would on delivery; fields the sender set are kept. */
export function completeEvent<D extends object>(
  input: EventInput<D>,
  defaults: EnvelopeDefaults,
): PlinthEvent<D> {
  return {
    version: "0",
    id: input.id ?? (defaults.newId ?? randomUUID)(),
    "detail-type": input["detail-type"],
    source: input.source,
    account: input.account ?? defaults.account ?? LOCAL_ACCOUNT,
    time:
      input.time ??
      defaults
        .now()
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z"),
    region: input.region ?? defaults.region ?? "us-east-1",
    resources: input.resources ?? [],
    detail: input.detail,
  };
}
