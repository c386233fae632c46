import type { Rule } from "../../rule.ts";
import { expectAttribute } from "../shared/attribute-checks.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";

const NINETY_DAYS = 90 * 24 * 3600;

function seconds(value: unknown): number {
  const match = /^(\d+(?:\.\d+)?)s$/.exec(String(value));
  return match ? Number(match[1]) : Number.NaN;
}

/** CIS GCP 1.10: rotate KMS keys within 90 days. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-021",
    title: "KMS crypto keys rotate at least every 90 days",
    description:
      "`rotation_period` is at most 7776000s (90 days), so a compromised key version protects little new data.",
    severity: "medium",
    cloud: "gcp",
    resourceTypes: { terraform: ["google_kms_crypto_key"], cloudformation: [] },
    remediation: {
      summary: "Rotate every 90 days or sooner.",
      terraform: 'resource "google_kms_crypto_key" "k" {\n  rotation_period = "7776000s"\n}',
    },
    frameworks: [cisGcp("1.10"), soc2("CC6.1")],
    aliases: ["CKV_GCP_43", "AVD-GCP-0065", "google-kms-rotate-kms-keys"],
    references: ["https://cloud.google.com/kms/docs/key-rotation"],
    defaults: "Without rotation_period the key never rotates, which fails.",
  },
  check: (key) =>
    expectAttribute(key, "rotation_period", {
      ok: (v) => seconds(v) <= NINETY_DAYS,
      whenAbsent: "fail",
      pass: "The key rotates within 90 days.",
      fail: "rotation_period is longer than 90 days (7776000s).",
      absent: "rotation_period is not set, so the key never rotates.",
    }),
};
