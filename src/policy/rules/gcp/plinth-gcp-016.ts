import { Ref } from "../../../model/value.ts";
import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";
import { COMPUTE_INSTANCE_TYPES } from "../shared/gcp-metadata.ts";

/** CIS GCP 4.1: not the default compute service account. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-016",
    title: "Compute instances do not use the default service account",
    description:
      "The instance's `service_account` names a dedicated account, not the Compute Engine default (`…-compute@developer.gserviceaccount.com`), which has the Editor role on the project by default.",
    severity: "high",
    cloud: "gcp",
    resourceTypes: { terraform: COMPUTE_INSTANCE_TYPES, cloudformation: [] },
    remediation: {
      summary: "Create a service account with only the roles the workload needs.",
      terraform:
        'service_account {\n  email  = google_service_account.app.email\n  scopes = ["cloud-platform"]\n}',
      plinth: "`type: vm` components on GCP get their own service account.",
    },
    frameworks: [cisGcp("4.1"), soc2("CC6.1", "CC6.3")],
    aliases: ["CKV_GCP_30", "AVD-GCP-0044", "google-compute-no-default-service-account"],
    references: ["https://cloud.google.com/compute/docs/access/service-accounts#default_service_account"],
    defaults:
      "A service_account block without email uses the default account (fails); no block means no account (passes).",
  },
  check: (instance) => {
    const accounts = instance.blocks("service_account");
    if (isUnresolved(accounts))
      return unknown(
        `service_account is not known statically: ${describeUnresolved(accounts)}.`,
        "service_account",
      );
    const account = accounts[0];
    if (!account) return pass("The instance runs without a service account.", "service_account");
    const email = account.email;
    if (email === undefined || email === null || email === "")
      return fail(
        "service_account names no email, so the Compute Engine default service account is used.",
        "service_account",
      );
    if (typeof email === "string")
      return email.endsWith("-compute@developer.gserviceaccount.com")
        ? fail(`It uses the default compute service account ${email}.`, "service_account.email")
        : pass("It uses a dedicated service account.", "service_account.email");
    // A reference to a google_service_account resource is a dedicated account.
    if (email instanceof Ref && /(^|\.)google_service_account\./.test(email.address))
      return pass("It uses a dedicated service account.", "service_account.email");
    return unknown("Its service account email is not known statically.", "service_account.email");
  },
};
