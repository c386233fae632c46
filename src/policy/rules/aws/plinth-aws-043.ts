import type { Rule } from "../../rule.ts";
import { expectAttribute } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

const MIN_DAYS = 365;

/** Logs kept for a year. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-043",
    title: "CloudWatch log groups keep logs for at least a year",
    description: `\`retention_in_days\` is at least ${MIN_DAYS} (or 0/absent: never expire), so audit and flow logs are available for investigations.`,
    severity: "low",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_cloudwatch_log_group"], cloudformation: ["AWS::Logs::LogGroup"] },
    remediation: {
      summary: `Keep logs for ${MIN_DAYS} days or more.`,
      terraform: 'resource "aws_cloudwatch_log_group" "g" {\n  retention_in_days = 365\n}',
      cloudformation: "RetentionInDays: 365",
      plinth: "Flow logs are kept 365 days; for native log groups set `retention_in_days: 365`.",
    },
    frameworks: [soc2("CC7.2")],
    aliases: ["CKV_AWS_338"],
    references: [
      "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html",
    ],
    defaults: "Absent or 0 means logs never expire, which passes.",
  },
  check: (group) =>
    expectAttribute(group, "retention_in_days", {
      ok: (v) => Number(v) === 0 || Number(v) >= MIN_DAYS,
      whenAbsent: "pass",
      pass: "Logs are kept for at least a year.",
      fail: `retention_in_days is below ${MIN_DAYS}: logs expire within a year.`,
      absent: "retention_in_days is not set, so logs never expire.",
    }),
};
