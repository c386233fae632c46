import { describeUnresolved, isUnresolved, listOf } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";

const PUBLIC_MEMBERS = new Set(["allusers", "allauthenticatedusers"]);

/** CIS GCP 5.1: no IAM grants to allUsers/allAuthenticatedUsers. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-003",
    title: "Cloud Storage bucket IAM does not grant public access",
    description: "No bucket IAM member or binding names `allUsers` or `allAuthenticatedUsers`.",
    severity: "high",
    cloud: "gcp",
    resourceTypes: {
      terraform: ["google_storage_bucket_iam_member", "google_storage_bucket_iam_binding"],
      cloudformation: [],
    },
    remediation: {
      summary: "Grant access to specific users, groups or service accounts.",
      terraform:
        'resource "google_storage_bucket_iam_member" "reader" {\n  member = "serviceAccount:${google_service_account.app.email}"\n}',
    },
    frameworks: [cisGcp("5.1"), soc2("CC6.1")],
    aliases: ["CKV_GCP_28", "AVD-GCP-0001", "google-storage-no-public-access"],
    references: ["https://cloud.google.com/storage/docs/access-control/making-data-public"],
  },
  check: (grant) => {
    const path = grant.type === "google_storage_bucket_iam_binding" ? "members" : "member";
    const members = listOf(grant.get(path));
    if (isUnresolved(members))
      return unknown(`\`${path}\` is not known statically: ${describeUnresolved(members)}.`, path);
    if (members.some((m) => typeof m === "string" && PUBLIC_MEMBERS.has(m.toLowerCase())))
      return fail("It grants access to everyone (allUsers or allAuthenticatedUsers).", path);
    if (members.some(isUnresolved)) return unknown("A member is not known statically.", path);
    return pass("It grants access to named principals only.", path);
  },
};
