import type { Value } from "../../../model/value.ts";
import { describeUnresolved, isUnresolved, type ResourceView } from "../../resource-view.ts";
import { fail, pass, unknown } from "../../rule.ts";
import type { Verdict } from "../../types.ts";

export const COMPUTE_INSTANCE_TYPES = [
  "google_compute_instance",
  "google_compute_instance_template",
  "google_compute_instance_from_template",
];

/** Metadata values are strings; GCE reads `true`, `TRUE`, `1`, `y`, `yes` as true. */
export function metadataFlag(value: Value | undefined): boolean | undefined | "unknown" {
  if (isUnresolved(value)) return "unknown";
  if (value === undefined || value === null) return undefined;
  return ["true", "1", "y", "yes"].includes(String(value).toLowerCase());
}

/** A verdict on one instance metadata key: `want` is the compliant value, `absent` what an absent key means. */
export function metadataVerdict(
  instance: ResourceView,
  key: string,
  want: boolean,
  messages: { pass: string; fail: string; whenAbsent: "pass" | "fail"; absent: string },
): Verdict {
  const metadata = instance.get("metadata");
  if (isUnresolved(metadata))
    return unknown(`Its metadata is not known statically: ${describeUnresolved(metadata)}.`, "metadata");
  const flag = metadataFlag(instance.get(`metadata.${key}`));
  const at = `metadata.${key}`;
  if (flag === "unknown") return unknown(`Metadata \`${key}\` is not known statically.`, at);
  if (flag === undefined)
    return messages.whenAbsent === "pass"
      ? pass(messages.absent, "metadata")
      : fail(messages.absent, "metadata");
  return flag === want ? pass(messages.pass, at) : fail(messages.fail, at);
}
