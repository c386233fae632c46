import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

/** CIS 3.1: trail in all regions. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-027",
    title: "CloudTrail trails are multi-region",
    description:
      "`is_multi_region_trail = true` records API activity in every region, including ones you do not use yet.",
    severity: "medium",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_cloudtrail"], cloudformation: ["AWS::CloudTrail::Trail"] },
    remediation: {
      summary: "Make the trail multi-region.",
      terraform: 'resource "aws_cloudtrail" "main" {\n  is_multi_region_trail = true\n}',
      cloudformation: "IsMultiRegionTrail: true",
    },
    frameworks: [cisAws("3.1"), soc2("CC7.2")],
    aliases: ["CKV_AWS_67", "AVD-AWS-0014", "aws-cloudtrail-enable-all-regions"],
    references: [
      "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html",
    ],
    defaults: "Terraform's default is false (single region).",
  },
  check: (trail) =>
    expectBool(trail, "is_multi_region_trail", true, {
      whenAbsent: "fail",
      pass: "The trail records every region.",
      fail: "is_multi_region_trail is false: activity in other regions is not recorded.",
      absent: "is_multi_region_trail is not set, so the trail records one region only.",
    }),
};
