import type { Rule } from "../../rule.ts";
import { pass } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";

/** CIS GCP 5.2: uniform bucket-level access. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-001",
    title: "Cloud Storage buckets use uniform bucket-level access",
    description:
      "`uniform_bucket_level_access = true` turns off object ACLs, so only bucket-level IAM grants access.",
    severity: "medium",
    cloud: "gcp",
    resourceTypes: { terraform: ["google_storage_bucket"], cloudformation: [] },
    remediation: {
      summary: "Enable uniform bucket-level access.",
      terraform: 'resource "google_storage_bucket" "b" {\n  uniform_bucket_level_access = true\n}',
      plinth: "`type: bucket` components on GCP always use it.",
    },
    frameworks: [cisGcp("5.2"), soc2("CC6.1")],
    aliases: ["CKV_GCP_29", "AVD-GCP-0002", "google-storage-enable-ubla"],
    references: ["https://cloud.google.com/storage/docs/uniform-bucket-level-access"],
    defaults: "Terraform's default is false (fine-grained ACLs).",
  },
  check: (bucket) =>
    // google provider 3.x called it bucket_policy_only.
    bucket.get("bucket_policy_only") === true
      ? pass("Uniform bucket-level access is enabled (bucket_policy_only).", "bucket_policy_only")
      : expectBool(bucket, "uniform_bucket_level_access", true, {
          whenAbsent: "fail",
          pass: "Uniform bucket-level access is enabled.",
          fail: "uniform_bucket_level_access is false: object ACLs can grant access.",
          absent: "uniform_bucket_level_access is not set, so object ACLs can grant access.",
        }),
};
