/**
 * Resource types that never appear on a cloud bill, whichever cloud the graph is for: the resources of
 * Terraform providers that live in Terraform's state or on the machine running it (random values,
 * sleeps, local files, keys generated locally…), and CloudFormation's own bookkeeping resources.
 * A custom resource's cost is the function behind it, priced on that function.
 *
 * A short list of named providers, not a guess from a type's prefix: a cloud type never matches.
 */
const LOCAL_PROVIDERS: ReadonlySet<string> = new Set([
  "random",
  "time",
  "null",
  "local",
  "tls",
  "http",
  "external",
  "archive",
]);

const BUILT_IN: ReadonlySet<string> = new Set([
  "terraform_data",
  "AWS::CloudFormation::WaitCondition",
  "AWS::CloudFormation::WaitConditionHandle",
  "AWS::CloudFormation::Macro",
  "AWS::CloudFormation::CustomResource",
]);

/** Whether `type` is a resource no cloud charges for (`random_pet`, `null_resource`, `Custom::Seed`). */
export function isNonCloudType(type: string): boolean {
  if (BUILT_IN.has(type) || type.startsWith("Custom::")) return true;
  return LOCAL_PROVIDERS.has(type.split("_", 1)[0] ?? "");
}
