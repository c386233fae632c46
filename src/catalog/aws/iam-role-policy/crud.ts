import { DeleteRolePolicyCommand, GetRolePolicyCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import type { JsonObject } from "../../../model/value.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound } from "../aws-crud.ts";
import { requiredStr } from "../properties.ts";

/** aws_iam_role_policy: an inline policy, put idempotently; its id is `role:name` as in Terraform. */
export const iamRolePolicy: AwsCrud = {
  type: "aws_iam_role_policy",
  forceNew: ["role", "name", "name_prefix"],
  async create(aws, call) {
    await put(aws, call.properties);
    return { id: idOf(call.properties), outputs: {} };
  },
  async read(aws, call) {
    const found = await unlessNotFound(
      aws.clients.iam().send(
        new GetRolePolicyCommand({
          RoleName: roleOf(call.properties),
          PolicyName: nameOf(call.properties),
        }),
      ),
    );
    return found ? { id: call.id, outputs: call.outputs } : undefined;
  },
  async update(aws, call) {
    await put(aws, call.properties);
    return { id: call.id, outputs: call.outputs };
  },
  async delete(aws, call) {
    await deleteIgnoringNotFound(
      aws.clients.iam().send(
        new DeleteRolePolicyCommand({
          RoleName: roleOf(call.properties),
          PolicyName: nameOf(call.properties),
        }),
      ),
    );
  },
};

const roleOf = (props: JsonObject) => requiredStr(props, "role", "aws_iam_role_policy");
const nameOf = (props: JsonObject) => requiredStr(props, "name", "aws_iam_role_policy");
const idOf = (props: JsonObject) => `${roleOf(props)}:${nameOf(props)}`;

function put(aws: AwsContext, props: JsonObject) {
  return aws.clients.iam().send(
    new PutRolePolicyCommand({
      RoleName: roleOf(props),
      PolicyName: nameOf(props),
      PolicyDocument: requiredStr(props, "policy", "aws_iam_role_policy"),
    }),
  );
}
