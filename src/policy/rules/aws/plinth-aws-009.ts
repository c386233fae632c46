import { locate } from "../../locate.ts";
import { describeUnresolved, isUnresolved, ResourceView, valueAt } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import type { Verdict } from "../../types.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

const PUBLIC_ACLS = new Set(["public-read", "public-read-write", "authenticated-read"]);
const PUBLIC_GROUPS = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;

/** No public canned ACL or public grant. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-009",
    title: "S3 bucket ACLs do not grant public access",
    description:
      "The bucket's ACL (the canned `acl` or explicit grants, on the bucket or in aws_s3_bucket_acl resources) gives no access to AllUsers or AuthenticatedUsers: `public-read`, `public-read-write` and `authenticated-read` let anyone read or write objects.",
    severity: "high",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_s3_bucket"], cloudformation: ["AWS::S3::Bucket"] },
    remediation: {
      summary: "Use the `private` canned ACL (or disable ACLs with BucketOwnerEnforced object ownership).",
      terraform:
        'resource "aws_s3_bucket_ownership_controls" "b" {\n  bucket = aws_s3_bucket.b.id\n  rule { object_ownership = "BucketOwnerEnforced" }\n}',
      cloudformation: "AccessControl: Private",
      plinth: "`public: false` (the default) on the bucket component; plinth never sets ACLs.",
    },
    frameworks: [cisAws("2.1.4"), soc2("CC6.1")],
    aliases: ["CKV_AWS_20", "CKV_AWS_57", "AVD-AWS-0092", "aws-s3-no-public-access-with-acl"],
    references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html"],
    defaults: "Without an ACL a bucket is private.",
  },
  check: (bucket, graph) => {
    const own = aclVerdict(bucket);
    if (own.status !== "pass") return own;
    const { nodes, undecided } = graph.attachments(bucket.node, ["aws_s3_bucket_acl"], "bucket", [
      "bucket",
      "id",
    ]);
    const verdicts = nodes.map((node) => ({ node, verdict: aclVerdict(new ResourceView(node)) }));
    const bad =
      verdicts.find((v) => v.verdict.status === "fail") ??
      verdicts.find((v) => v.verdict.status === "unknown");
    if (bad) {
      const at = locate(bad.node, bad.verdict.attribute);
      return {
        ...bad.verdict,
        message: `${bad.node.address}: ${bad.verdict.message}`,
        ...(at ? { at } : {}),
      };
    }
    if (undecided.length > 0)
      return unknown(
        `${undecided.map((n) => n.address).join(", ")} may set this bucket's ACL, but its \`bucket\` is not known statically.`,
      );
    return pass("Its ACL grants no public access.", "acl");
  },
};

/** The canned ACL and grants of a bucket (legacy arguments) or of an aws_s3_bucket_acl. */
function aclVerdict(resource: ResourceView): Verdict {
  const acl = resource.get("acl");
  if (isUnresolved(acl))
    return unknown(`Its \`acl\` is not known statically: ${describeUnresolved(acl)}.`, "acl");
  if (typeof acl === "string" && PUBLIC_ACLS.has(acl))
    return fail(`Its canned ACL \`${acl}\` grants public access.`, "acl");
  // aws_s3_bucket_acl nests grants under access_control_policy; the legacy bucket argument is `grant`.
  const path = resource.type === "aws_s3_bucket_acl" ? "access_control_policy.grant" : "grant";
  const grants = resource.blocks(path);
  if (isUnresolved(grants)) return unknown("Its ACL grants are not known statically.", path);
  for (const grant of grants) {
    const uri = valueAt(grant, "grantee.uri") ?? grant.uri;
    if (isUnresolved(uri)) return unknown("A grantee of its ACL is not known statically.", path);
    if (typeof uri === "string" && PUBLIC_GROUPS.test(uri))
      return fail(`A grant gives ${uri.split("/").pop()} access.`, path);
  }
  return pass("Its ACL grants no public access.", "acl");
}
