import middy from "@middy/core";
import { Input } from "../schemas/generated/handlers/summarize-scan.validate.js";
import type { ScanKind, ScanResult } from "../src/control/scan-target.ts";
import { type ScanSummary, summarizeScan } from "../src/control/summarize-scan.ts";
import type { EventPublisher } from "../src/events/publisher.ts";
import { eventPublisher } from "./aws/bus.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, validInput } from "./middleware.ts";

/** Last step of scheduled-scan: counts the results and announces ScanCompleted. */
export function createSummarizeScanHandler(deps: Provide<{ publisher: EventPublisher }>) {
  return middy<{ kind: ScanKind; runId: string; results: ScanResult[] }, ScanSummary & { event: string }>()
    .use(validInput(Input, "summarize-scan"))
    .handler(async ({ kind, runId, results }) => {
      const { summary, event } = summarizeScan(kind, runId, results);
      return { ...summary, event: await (await deps()).publisher.publish(event) };
    });
}

export const handler = createSummarizeScanHandler(lazy(() => ({ publisher: eventPublisher(readConfig()) })));
