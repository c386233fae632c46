import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** Object versioning. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-004",
    title: "Cloud Storage buckets have versioning enabled",
    description:
      "`versioning { enabled = true }` keeps noncurrent versions, so overwritten or deleted objects can be restored.",
    severity: "medium",
    cloud: "gcp",
    resourceTypes: { terraform: ["google_storage_bucket"], cloudformation: [] },
    remediation: {
      summary: "Enable object versioning.",
      terraform: 'resource "google_storage_bucket" "b" {\n  versioning {\n    enabled = true\n  }\n}',
      plinth: "`versioning: true` (the default) on the bucket component.",
    },
    frameworks: [soc2("A1.2")],
    aliases: ["CKV_GCP_78", "AVD-GCP-0078", "google-storage-enable-bucket-versioning"],
    references: ["https://cloud.google.com/storage/docs/object-versioning"],
    defaults: "Off unless enabled.",
  },
  check: (bucket) =>
    expectBool(bucket, "versioning.enabled", true, {
      whenAbsent: "fail",
      pass: "Versioning is enabled.",
      fail: "versioning.enabled is false.",
      absent: "Versioning is not enabled (no versioning block with enabled = true).",
    }),
};
