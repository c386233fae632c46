import type { Rule } from "../../rule.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";
import { COMPUTE_INSTANCE_TYPES, metadataVerdict } from "../shared/gcp-metadata.ts";

/** CIS GCP 4.3: block project-wide SSH keys. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-013",
    title: "Compute instances block project-wide SSH keys",
    description:
      "Metadata `block-project-ssh-keys = true`: a key added to the project does not open every instance.",
    severity: "medium",
    cloud: "gcp",
    resourceTypes: { terraform: COMPUTE_INSTANCE_TYPES, cloudformation: [] },
    remediation: {
      summary: "Block project-wide SSH keys (and prefer OS Login).",
      terraform: 'metadata = {\n  block-project-ssh-keys = "true"\n}',
      plinth: "`type: vm` components on GCP block project SSH keys.",
    },
    frameworks: [cisGcp("4.3"), soc2("CC6.1")],
    aliases: ["CKV_GCP_32", "AVD-GCP-0030", "google-compute-no-project-wide-ssh-keys"],
    references: ["https://cloud.google.com/compute/docs/connect/restrict-ssh-keys"],
    defaults: "Absent means project keys are accepted, which fails.",
  },
  check: (instance) =>
    metadataVerdict(instance, "block-project-ssh-keys", true, {
      whenAbsent: "fail",
      pass: "Project-wide SSH keys are blocked.",
      fail: "block-project-ssh-keys is false: any project-wide SSH key opens this instance.",
      absent: "block-project-ssh-keys is not set, so any project-wide SSH key opens this instance.",
    }),
};
