import {
  CreateRoleCommand,
  DeleteRoleCommand,
  GetRoleCommand,
  ListRoleTagsCommand,
  type Role,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
} from "@aws-sdk/client-iam";
import type { Observed } from "../../../engine/resource-handler.ts";
import { AwsConflictError } from "../../../providers/aws/aws-errors.ts";
import { hasIdentity, tagChanges, tagList, tagMap } from "../../../providers/aws/tags.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound } from "../aws-crud.ts";
import { num, requiredStr, str } from "../properties.ts";

/**
 * aws_iam_role: the role, its trust policy and tags. Inline policies and attachments are their own
 * resources (deleted before the role). Its `id` and `name` are the role name, as in Terraform.
 */
export const iamRole: AwsCrud = {
  type: "aws_iam_role",
  forceNew: ["name", "name_prefix", "path", "permissions_boundary"],
  async create(aws, call) {
    const name = requiredStr(call.properties, "name", "aws_iam_role");
    try {
      const { Role: created } = await aws.clients.iam().send(
        new CreateRoleCommand({
          RoleName: name,
          AssumeRolePolicyDocument: requiredStr(call.properties, "assume_role_policy", "aws_iam_role"),
          Description: str(call.properties, "description"),
          Path: str(call.properties, "path"),
          MaxSessionDuration: num(call.properties, "max_session_duration"),
          PermissionsBoundary: str(call.properties, "permissions_boundary"),
          Tags: tagList(call.properties.tags),
        }),
      );
      return observed(created as Role);
    } catch (error) {
      // A create retried after its first attempt succeeded: the role is ours if it carries our identity.
      if (!(error instanceof AwsConflictError)) throw error;
      const found = await this.find?.(aws, call);
      if (!found) throw error;
      return found;
    }
  },
  async read(aws, call) {
    const role = await getRole(aws, call.id);
    if (!role) return undefined;
    return {
      ...observed(role),
      properties: {
        assume_role_policy: decodePolicy(role.AssumeRolePolicyDocument),
        ...(role.Description !== undefined ? { description: role.Description } : {}),
      },
    };
  },
  async update(aws, call) {
    const iam = aws.clients.iam();
    if (call.changed.includes("assume_role_policy"))
      await iam.send(
        new UpdateAssumeRolePolicyCommand({
          RoleName: call.id,
          PolicyDocument: requiredStr(call.properties, "assume_role_policy", "aws_iam_role"),
        }),
      );
    if (call.changed.includes("description") || call.changed.includes("max_session_duration"))
      await iam.send(
        new UpdateRoleCommand({
          RoleName: call.id,
          Description: str(call.properties, "description") ?? "",
          MaxSessionDuration: num(call.properties, "max_session_duration"),
        }),
      );
    if (call.changed.includes("tags")) {
      const { set, remove } = tagChanges(call.previous.tags, call.properties.tags);
      if (set.length > 0) await iam.send(new TagRoleCommand({ RoleName: call.id, Tags: set }));
      if (remove.length > 0) await iam.send(new UntagRoleCommand({ RoleName: call.id, TagKeys: remove }));
    }
    return { id: call.id, outputs: call.outputs };
  },
  async delete(aws, call) {
    await deleteIgnoringNotFound(aws.clients.iam().send(new DeleteRoleCommand({ RoleName: call.id })));
  },
  async find(aws, call) {
    const name = requiredStr(call.properties, "name", "aws_iam_role");
    const role = await getRole(aws, name);
    if (!role) return undefined;
    const { Tags } = await aws.clients.iam().send(new ListRoleTagsCommand({ RoleName: name }));
    return hasIdentity(tagMap(Tags), call.identity) ? observed(role) : undefined;
  },
};

async function getRole(aws: AwsContext, name: string): Promise<Role | undefined> {
  return (await unlessNotFound(aws.clients.iam().send(new GetRoleCommand({ RoleName: name }))))?.Role;
}

/** IAM returns policy documents URL-encoded. */
function decodePolicy(document: string | undefined): string | null {
  if (!document) return null;
  const text = document.startsWith("%7B") ? decodeURIComponent(document) : document;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

function observed(role: Role): Observed {
  const name = role.RoleName as string;
  return {
    id: name,
    outputs: {
      name,
      arn: role.Arn ?? null,
      unique_id: role.RoleId ?? null,
      create_date: role.CreateDate?.toISOString() ?? null,
    },
  };
}
