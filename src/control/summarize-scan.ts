import type { EventInput } from "../events/envelope.ts";
import type { ScanKind, ScanResult } from "./scan-target.ts";

export interface ScanSummary {
  kind: ScanKind;
  runId: string;
  targets: number;
  failed: number;
  attention: number;
}

/** Counts a scan's results and the ScanCompleted event announcing them. */
export function summarizeScan(
  kind: ScanKind,
  runId: string,
  results: ScanResult[],
): { summary: ScanSummary; event: EventInput } {
  const summary: ScanSummary = {
    kind,
    runId,
    targets: results.length,
    failed: results.filter((r) => r.status === "failed").length,
    attention: results.filter((r) => r.status === "attention").length,
  };
  return {
    summary,
    event: { source: "plinth.control", "detail-type": "ScanCompleted", detail: { ...summary } },
  };
}
