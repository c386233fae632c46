import type { Rule } from "../../rule.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";
import { COMPUTE_INSTANCE_TYPES, metadataVerdict } from "../shared/gcp-metadata.ts";

/** CIS GCP 4.4: OS Login not turned off per instance. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-014",
    title: "Compute instances do not turn OS Login off",
    description:
      "Metadata `enable-oslogin` is not false on the instance, so the project's OS Login setting (IAM-controlled SSH) applies.",
    severity: "medium",
    cloud: "gcp",
    resourceTypes: { terraform: COMPUTE_INSTANCE_TYPES, cloudformation: [] },
    remediation: {
      summary: "Remove the override or set enable-oslogin to TRUE.",
      terraform: 'metadata = {\n  enable-oslogin = "TRUE"\n}',
      plinth: "`type: vm` components on GCP enable OS Login.",
    },
    frameworks: [cisGcp("4.4"), soc2("CC6.1")],
    aliases: ["CKV_GCP_34", "AVD-GCP-0036", "google-compute-no-oslogin-override"],
    references: ["https://cloud.google.com/compute/docs/oslogin/set-up-oslogin"],
    defaults: "Absent means the project setting applies, which passes.",
  },
  check: (instance) =>
    metadataVerdict(instance, "enable-oslogin", true, {
      whenAbsent: "pass",
      pass: "OS Login is enabled.",
      fail: "enable-oslogin is false: the instance overrides the project's OS Login setting.",
      absent: "The instance does not override the project's OS Login setting.",
    }),
};
