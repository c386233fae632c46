import { Ref, Template } from "../../../model/value.ts";
import { isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { soc2 } from "../shared/frameworks.ts";

/** SQS server-side encryption. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-039",
    title: "SQS queues are encrypted at rest",
    description:
      "The queue declares server-side encryption: SSE-SQS (`sqs_managed_sse_enabled = true`) or SSE-KMS (`kms_master_key_id`).",
    severity: "high",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_sqs_queue"], cloudformation: ["AWS::SQS::Queue"] },
    remediation: {
      summary: "Turn on SSE-SQS, or use a KMS key.",
      terraform: 'resource "aws_sqs_queue" "q" {\n  sqs_managed_sse_enabled = true\n}',
      cloudformation: "SqsManagedSseEnabled: true",
      plinth: "`type: queue` components are always encrypted.",
    },
    frameworks: [soc2("CC6.1")],
    aliases: ["CKV_AWS_27", "AVD-AWS-0096", "aws-sqs-enable-queue-encryption"],
    references: [
      "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
    ],
    defaults:
      "Queues created since late 2022 get SSE-SQS when nothing is set, but older queues and some APIs do not: a queue that declares neither setting fails.",
  },
  check: (queue) => {
    const managed = queue.get("sqs_managed_sse_enabled");
    const key = queue.get("kms_master_key_id");
    if (managed === true || managed === "true") return pass("SSE-SQS is enabled.", "sqs_managed_sse_enabled");
    if (key instanceof Ref || key instanceof Template || (typeof key === "string" && key !== ""))
      return pass("The queue is encrypted with a KMS key.", "kms_master_key_id");
    if (isUnresolved(managed) || isUnresolved(key))
      return unknown("Its encryption settings are not known statically.", "kms_master_key_id");
    return fail(
      "The queue declares no server-side encryption (neither sqs_managed_sse_enabled nor kms_master_key_id).",
      "sqs_managed_sse_enabled",
    );
  },
};
