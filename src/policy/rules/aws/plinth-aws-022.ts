import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

/** CIS 5.6: IMDSv2 only. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-022",
    title: "EC2 instances require IMDSv2",
    description:
      'The instance metadata service accepts only session-token (IMDSv2) requests (`metadata_options.http_tokens = "required"`) or is turned off (`http_endpoint = "disabled"`), which blocks SSRF attacks from reading instance credentials.',
    severity: "high",
    cloud: "aws",
    resourceTypes: {
      terraform: ["aws_instance", "aws_launch_template", "aws_launch_configuration"],
      cloudformation: ["AWS::EC2::Instance", "AWS::EC2::LaunchTemplate"],
    },
    remediation: {
      summary: "Require session tokens for the metadata service.",
      terraform:
        'resource "aws_instance" "web" {\n  metadata_options {\n    http_tokens = "required"\n  }\n}',
      cloudformation: "LaunchTemplateData:\n  MetadataOptions:\n    HttpTokens: required",
      plinth: "`type: vm` components always require IMDSv2.",
    },
    frameworks: [cisAws("5.6"), soc2("CC6.1")],
    aliases: [
      "CKV_AWS_79",
      "AVD-AWS-0028",
      "aws-ec2-enforce-http-token-imds",
      "AVD-AWS-0130",
      "aws-ec2-enforce-launch-config-http-token-imds",
    ],
    references: ["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html"],
    defaults:
      "Without metadata_options, http_tokens is `optional` (IMDSv1 allowed) for most AMIs, which fails; AMIs registered with ImdsSupport v2.0 are not visible in code.",
  },
  check: (instance) => {
    const endpoint = instance.get("metadata_options.http_endpoint");
    if (endpoint === "disabled")
      return pass("The metadata service is disabled.", "metadata_options.http_endpoint");
    const tokens = instance.get("metadata_options.http_tokens");
    if (isUnresolved(tokens))
      return unknown(
        `metadata_options.http_tokens is not known statically: ${describeUnresolved(tokens)}.`,
        "metadata_options.http_tokens",
      );
    if (tokens === "required")
      return pass("IMDSv2 session tokens are required.", "metadata_options.http_tokens");
    if (isUnresolved(endpoint))
      return unknown(
        "metadata_options.http_endpoint is not known statically.",
        "metadata_options.http_endpoint",
      );
    return tokens === undefined
      ? fail("metadata_options.http_tokens is not set, so IMDSv1 requests are accepted.", "metadata_options")
      : fail(
          `metadata_options.http_tokens is \`${String(tokens)}\`: IMDSv1 requests are accepted.`,
          "metadata_options.http_tokens",
        );
  },
};
