import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  DeleteInstanceProfileCommand,
  GetInstanceProfileCommand,
  type InstanceProfile,
  RemoveRoleFromInstanceProfileCommand,
} from "@aws-sdk/client-iam";
import type { Observed } from "../../../engine/resource-handler.ts";
import { AwsConflictError } from "../../../providers/aws/aws-errors.ts";
import { hasIdentity, tagList, tagMap } from "../../../providers/aws/tags.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound } from "../aws-crud.ts";
import { requiredStr, str } from "../properties.ts";

/** aws_iam_instance_profile: the profile and its one role; the role is swapped in place. */
export const iamInstanceProfile: AwsCrud = {
  type: "aws_iam_instance_profile",
  forceNew: ["name", "name_prefix", "path"],
  async create(aws, call) {
    const name = requiredStr(call.properties, "name", "aws_iam_instance_profile");
    let profile: InstanceProfile | undefined;
    try {
      profile = (
        await aws.clients.iam().send(
          new CreateInstanceProfileCommand({
            InstanceProfileName: name,
            Path: str(call.properties, "path"),
            Tags: tagList(call.properties.tags),
          }),
        )
      ).InstanceProfile;
    } catch (error) {
      if (!(error instanceof AwsConflictError)) throw error;
      profile = await getProfile(aws, name);
      if (!profile || !hasIdentity(tagMap(profile.Tags), call.identity)) throw error;
    }
    const role = str(call.properties, "role");
    if (role && !profile?.Roles?.some((r) => r.RoleName === role)) await addRole(aws, name, role);
    return observed(profile as InstanceProfile);
  },
  async read(aws, call) {
    const profile = await getProfile(aws, call.id);
    return profile
      ? { ...observed(profile), properties: { role: profile.Roles?.[0]?.RoleName ?? null } }
      : undefined;
  },
  async update(aws, call) {
    if (call.changed.includes("role")) {
      const before = str(call.previous, "role");
      const after = str(call.properties, "role");
      if (before)
        await deleteIgnoringNotFound(
          aws.clients
            .iam()
            .send(
              new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: call.id, RoleName: before }),
            ),
        );
      if (after) await addRole(aws, call.id, after);
    }
    return { id: call.id, outputs: call.outputs };
  },
  async delete(aws, call) {
    const profile = await getProfile(aws, call.id);
    if (!profile) return;
    for (const role of profile.Roles ?? [])
      await deleteIgnoringNotFound(
        aws.clients.iam().send(
          new RemoveRoleFromInstanceProfileCommand({
            InstanceProfileName: call.id,
            RoleName: role.RoleName,
          }),
        ),
      );
    await deleteIgnoringNotFound(
      aws.clients.iam().send(new DeleteInstanceProfileCommand({ InstanceProfileName: call.id })),
    );
  },
  async find(aws, call) {
    const profile = await getProfile(aws, requiredStr(call.properties, "name", "aws_iam_instance_profile"));
    return profile && hasIdentity(tagMap(profile.Tags), call.identity) ? observed(profile) : undefined;
  },
};

async function getProfile(aws: AwsContext, name: string): Promise<InstanceProfile | undefined> {
  return (
    await unlessNotFound(aws.clients.iam().send(new GetInstanceProfileCommand({ InstanceProfileName: name })))
  )?.InstanceProfile;
}

async function addRole(aws: AwsContext, profile: string, role: string) {
  await aws.clients
    .iam()
    .send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: profile, RoleName: role }));
}

function observed(profile: InstanceProfile): Observed {
  const name = profile.InstanceProfileName as string;
  return {
    id: name,
    outputs: { name, arn: profile.Arn ?? null, unique_id: profile.InstanceProfileId ?? null },
  };
}
