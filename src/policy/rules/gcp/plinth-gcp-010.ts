import type { Rule } from "../../rule.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";
import { COMPUTE_INSTANCE_TYPES, metadataVerdict } from "../shared/gcp-metadata.ts";

/** CIS GCP 4.5: serial port access off. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-010",
    title: "Compute instances do not enable serial port access",
    description:
      "Metadata `serial-port-enable` is not true: the interactive serial console accepts connections from any IP address.",
    severity: "medium",
    cloud: "gcp",
    resourceTypes: { terraform: COMPUTE_INSTANCE_TYPES, cloudformation: [] },
    remediation: {
      summary: "Remove serial-port-enable or set it to false.",
      terraform: 'metadata = {\n  serial-port-enable = "false"\n}',
      plinth: "`type: vm` components on GCP keep the serial port off.",
    },
    frameworks: [cisGcp("4.5"), soc2("CC6.6")],
    aliases: ["CKV_GCP_35", "AVD-GCP-0032", "google-compute-no-serial-port"],
    references: [
      "https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console",
    ],
    defaults: "Absent means off (unless the project enables it, which is not visible here).",
  },
  check: (instance) =>
    metadataVerdict(instance, "serial-port-enable", false, {
      whenAbsent: "pass",
      pass: "Serial port access is disabled.",
      fail: "serial-port-enable is true: the serial console is reachable.",
      absent: "serial-port-enable is not set, so serial port access is off.",
    }),
};
