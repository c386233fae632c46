import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

/** Root and attached block devices of instances and launch configurations encrypted. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-020",
    title: "EC2 instance block devices are encrypted",
    description:
      "Every `root_block_device` and `ebs_block_device` of an instance or launch configuration sets `encrypted = true`. Volumes created from an encrypted snapshot are encrypted too.",
    severity: "high",
    cloud: "aws",
    resourceTypes: {
      terraform: ["aws_instance", "aws_launch_configuration"],
      cloudformation: ["AWS::EC2::Instance"],
    },
    remediation: {
      summary: "Encrypt the root and data volumes.",
      terraform: 'resource "aws_instance" "web" {\n  root_block_device {\n    encrypted = true\n  }\n}',
      cloudformation: "BlockDeviceMappings:\n  - DeviceName: /dev/xvda\n    Ebs: { Encrypted: true }",
      plinth: "`type: vm` components always get an encrypted gp3 root volume.",
    },
    frameworks: [cisAws("2.2.1"), soc2("CC6.1")],
    aliases: ["CKV_AWS_8", "AVD-AWS-0131", "aws-ec2-enable-at-rest-encryption", "AVD-AWS-0008"],
    references: ["https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html"],
    defaults:
      "An instance without a root_block_device block gets the AMI's unencrypted root volume unless encryption by default is on (aws_ebs_encryption_by_default in the same graph passes it).",
  },
  check: (instance, graph) => {
    const byDefault = graph
      .ofType("aws_ebs_encryption_by_default")
      .some((n) => n.properties.enabled === undefined || n.properties.enabled === true);
    const root = instance.blocks("root_block_device");
    if (isUnresolved(root))
      return unknown(
        `Its root_block_device is not known statically: ${describeUnresolved(root)}.`,
        "root_block_device",
      );
    if (root.length === 0 && !byDefault)
      return fail(
        "It declares no root_block_device with encrypted = true, so the root volume is unencrypted.",
        "root_block_device",
      );
    for (const path of ["root_block_device", "ebs_block_device"]) {
      const devices = instance.blocks(path);
      if (isUnresolved(devices)) return unknown(`Its ${path} is not known statically.`, path);
      for (const device of devices) {
        const encrypted = device.encrypted;
        if (isUnresolved(encrypted)) return unknown(`\`${path}.encrypted\` is not known statically.`, path);
        if (encrypted === true || encrypted === "true") continue;
        if (device.snapshot_id !== undefined && encrypted === undefined) continue;
        if (encrypted === undefined && byDefault) continue;
        return fail(
          `A ${path} is not encrypted (encrypted is ${encrypted === undefined ? "not set" : String(encrypted)}).`,
          `${path}.encrypted`,
        );
      }
    }
    return pass("Its block devices are encrypted.", "root_block_device");
  },
};
