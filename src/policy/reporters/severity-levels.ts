import type { Severity } from "../types.ts";

/** GitHub code scanning's security-severity scale: critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low < 4.0. */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
};

export const SARIF_LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
};
