import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";
import { COMPUTE_INSTANCE_TYPES } from "../shared/gcp-metadata.ts";

/** CIS GCP 4.8: Secure Boot. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-012",
    title: "Compute instances enable Secure Boot",
    description:
      "`shielded_instance_config.enable_secure_boot = true`: only signed boot components run, which keeps rootkits and bootkits out.",
    severity: "medium",
    cloud: "gcp",
    resourceTypes: { terraform: COMPUTE_INSTANCE_TYPES, cloudformation: [] },
    remediation: {
      summary: "Turn on Secure Boot.",
      terraform: "shielded_instance_config {\n  enable_secure_boot = true\n}",
      plinth: "`type: vm` components on GCP enable Secure Boot.",
    },
    frameworks: [cisGcp("4.8"), soc2("CC6.8")],
    aliases: ["AVD-GCP-0067", "google-compute-enable-shielded-vm-sb"],
    references: ["https://cloud.google.com/compute/shielded-vm/docs/shielded-vm#secure-boot"],
    defaults: "Terraform's default is false.",
  },
  check: (instance) =>
    expectBool(instance, "shielded_instance_config.enable_secure_boot", true, {
      whenAbsent: "fail",
      pass: "Secure Boot is enabled.",
      fail: "enable_secure_boot is false.",
      absent: "enable_secure_boot is not set, so Secure Boot is off.",
    }),
};
