import { bool, type CloudFormationMapping, number, tags } from "../type-mapping.ts";
import { functionRules } from "./lambda-function.ts";

// AWS::Serverless-2016-10-31 resources read as the main resource the transform makes of them (with the
// template's `Globals` applied by the reader). The role, permissions and event sources the transform
// adds around a function are not read.

export const serverlessFunction: CloudFormationMapping = {
  cloudFormationType: "AWS::Serverless::Function",
  main: {
    terraformType: "aws_lambda_function",
    rules: [
      ...functionRules,
      ["Tracing", "tracing_config[0].mode"],
      ["DeadLetterQueue.TargetArn", "dead_letter_config[0].target_arn"],
    ],
  },
  ref: "function_name",
  attributes: { Arn: "arn" },
};

/** SimpleTable's key types by name, as DynamoDB spells them. */
const KEY_TYPE = new Map([
  ["String", "S"],
  ["Number", "N"],
  ["Binary", "B"],
]);

/** A one-key DynamoDB table: key `id` (a string) and on-demand capacity unless it says otherwise. */
export const serverlessSimpleTable: CloudFormationMapping = {
  cloudFormationType: "AWS::Serverless::SimpleTable",
  main: {
    terraformType: "aws_dynamodb_table",
    defaults: { billing_mode: "PAY_PER_REQUEST", hash_key: "id", attribute: [{ name: "id", type: "S" }] },
    rules: [
      ["TableName", "name"],
      ["PrimaryKey.Name", "hash_key"],
      ["PrimaryKey.Name", "attribute[0].name"],
      ["PrimaryKey.Type", "attribute[0].type", (v) => (typeof v === "string" ? (KEY_TYPE.get(v) ?? v) : v)],
      ["ProvisionedThroughput", "billing_mode", () => "PROVISIONED"],
      ["ProvisionedThroughput.ReadCapacityUnits", "read_capacity", number],
      ["ProvisionedThroughput.WriteCapacityUnits", "write_capacity", number],
      ["SSESpecification.SSEEnabled", "server_side_encryption[0].enabled", bool],
      ["Tags", "tags", tags],
    ],
  },
  ref: "name",
  attributes: { Arn: "arn", StreamArn: "stream_arn" },
};
