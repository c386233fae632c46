import type { Rule } from "../../rule.ts";
import { expectAttribute } from "../shared/attribute-checks.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";

/** CIS GCP 5.1: public access prevention. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-002",
    title: "Cloud Storage buckets enforce public access prevention",
    description:
      '`public_access_prevention = "enforced"` refuses any IAM grant or ACL to allUsers or allAuthenticatedUsers.',
    severity: "high",
    cloud: "gcp",
    resourceTypes: { terraform: ["google_storage_bucket"], cloudformation: [] },
    remediation: {
      summary: "Enforce public access prevention.",
      terraform: 'resource "google_storage_bucket" "b" {\n  public_access_prevention = "enforced"\n}',
      plinth: "`public: false` (the default) on the bucket component.",
    },
    frameworks: [cisGcp("5.1"), soc2("CC6.1", "CC6.6")],
    aliases: ["CKV_GCP_114"],
    references: ["https://cloud.google.com/storage/docs/public-access-prevention"],
    defaults:
      "Absent means `inherited` from the organization policy, which is not visible in code: it fails.",
  },
  check: (bucket) =>
    expectAttribute(bucket, "public_access_prevention", {
      ok: (v) => v === "enforced",
      whenAbsent: "fail",
      pass: "Public access prevention is enforced.",
      fail: "public_access_prevention is not `enforced`: the bucket can be made public.",
      absent:
        "public_access_prevention is not set (`inherited`), so the bucket can be made public unless an organization policy forbids it.",
    }),
};
