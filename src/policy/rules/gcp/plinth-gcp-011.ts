import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";
import { COMPUTE_INSTANCE_TYPES } from "../shared/gcp-metadata.ts";

/** CIS GCP 4.8: Shielded VM with vTPM and integrity monitoring. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-011",
    title: "Compute instances are Shielded VMs with vTPM and integrity monitoring",
    description:
      "A `shielded_instance_config` block keeps `enable_vtpm` and `enable_integrity_monitoring` on (their defaults), so boot integrity is measured and reported. Secure Boot is PLINTH-GCP-012.",
    severity: "medium",
    cloud: "gcp",
    resourceTypes: { terraform: COMPUTE_INSTANCE_TYPES, cloudformation: [] },
    remediation: {
      summary: "Use a Shielded VM image and declare shielded_instance_config.",
      terraform:
        "shielded_instance_config {\n  enable_secure_boot          = true\n  enable_vtpm                 = true\n  enable_integrity_monitoring = true\n}",
      plinth: "`type: vm` components on GCP are Shielded VMs.",
    },
    frameworks: [cisGcp("4.8"), soc2("CC6.8")],
    aliases: [
      "CKV_GCP_39",
      "AVD-GCP-0041",
      "google-compute-enable-shielded-vm-vtpm",
      "AVD-GCP-0045",
      "google-compute-enable-shielded-vm-im",
    ],
    references: ["https://cloud.google.com/compute/shielded-vm/docs/shielded-vm"],
    defaults:
      "An instance without shielded_instance_config fails (Shielded VM is not declared); inside the block vTPM and integrity monitoring default to on. Instances created from a template without the block are unknown.",
  },
  check: (instance) => {
    const config = instance.blocks("shielded_instance_config");
    if (isUnresolved(config))
      return unknown(
        `shielded_instance_config is not known statically: ${describeUnresolved(config)}.`,
        "shielded_instance_config",
      );
    const first = config[0];
    if (!first) {
      if (instance.get("source_instance_template") !== undefined)
        return unknown("Shielded VM settings come from the instance template.", "source_instance_template");
      return fail(
        "It declares no shielded_instance_config: it is not a Shielded VM.",
        "shielded_instance_config",
      );
    }
    for (const key of ["enable_vtpm", "enable_integrity_monitoring"]) {
      const value = first[key];
      if (isUnresolved(value))
        return unknown(`${key} is not known statically.`, `shielded_instance_config.${key}`);
      if (value === false) return fail(`${key} is false.`, `shielded_instance_config.${key}`);
    }
    return pass("vTPM and integrity monitoring are on.", "shielded_instance_config");
  },
};
