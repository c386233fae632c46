import {
  AttachRolePolicyCommand,
  DetachRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
} from "@aws-sdk/client-iam";
import type { JsonObject } from "../../../model/value.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound } from "../aws-crud.ts";
import { requiredStr } from "../properties.ts";

/** aws_iam_role_policy_attachment: a managed policy attached to a role (idempotent; id `role/arn`). */
export const iamRolePolicyAttachment: AwsCrud = {
  type: "aws_iam_role_policy_attachment",
  forceNew: ["role", "policy_arn"],
  async create(aws, call) {
    await aws.clients
      .iam()
      .send(
        new AttachRolePolicyCommand({ RoleName: roleOf(call.properties), PolicyArn: arnOf(call.properties) }),
      );
    return { id: `${roleOf(call.properties)}/${arnOf(call.properties)}`, outputs: {} };
  },
  async read(aws, call) {
    return (await isAttached(aws, call.properties)) ? { id: call.id, outputs: call.outputs } : undefined;
  },
  async delete(aws, call) {
    await deleteIgnoringNotFound(
      aws.clients.iam().send(
        new DetachRolePolicyCommand({
          RoleName: roleOf(call.properties),
          PolicyArn: arnOf(call.properties),
        }),
      ),
    );
  },
};

const roleOf = (props: JsonObject) => requiredStr(props, "role", "aws_iam_role_policy_attachment");
const arnOf = (props: JsonObject) => requiredStr(props, "policy_arn", "aws_iam_role_policy_attachment");

async function isAttached(aws: AwsContext, props: JsonObject): Promise<boolean> {
  const result = await unlessNotFound(
    aws.clients.iam().send(new ListAttachedRolePoliciesCommand({ RoleName: roleOf(props), MaxItems: 1000 })),
  );
  return result?.AttachedPolicies?.some((p) => p.PolicyArn === arnOf(props)) ?? false;
}
