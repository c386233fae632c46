import type { Rule } from "../../rule.ts";
import type { RuleMetadata } from "../../types.ts";
import { expectBool } from "./attribute-checks.ts";
import { cisAws, soc2 } from "./frameworks.ts";

/** One setting of aws_s3_bucket_public_access_block that must be true (Terraform's default is false). */
export function publicAccessBlockRule(
  id: string,
  setting: string,
  cfnSetting: string,
  effect: string,
  aliases: string[],
): Rule {
  const meta: RuleMetadata = {
    id,
    title: `S3 public access blocks set ${setting}`,
    description: `The bucket's public access block sets \`${setting} = true\`: ${effect}`,
    severity: "high",
    cloud: "aws",
    resourceTypes: {
      terraform: ["aws_s3_bucket_public_access_block"],
      cloudformation: ["AWS::S3::Bucket"],
    },
    remediation: {
      summary: `Set ${setting} to true.`,
      terraform: `resource "aws_s3_bucket_public_access_block" "b" {\n  bucket = aws_s3_bucket.b.id\n  ${setting} = true\n  # …\n}`,
      cloudformation: `PublicAccessBlockConfiguration:\n  ${cfnSetting}: true`,
      plinth: "`public: false` (the default) on the bucket component.",
    },
    frameworks: [cisAws("2.1.4"), soc2("CC6.1", "CC6.6")],
    aliases,
    references: [
      "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
    ],
    defaults: `Terraform sends false when \`${setting}\` is absent.`,
  };
  return {
    meta,
    check: (block) =>
      expectBool(block, setting, true, {
        whenAbsent: "fail",
        pass: `${setting} is true.`,
        fail: `${setting} is not true: ${effect}`,
        absent: `${setting} is not set, so it is false: ${effect}`,
      }),
  };
}
