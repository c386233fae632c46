import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  type DescribeSecretCommandOutput,
  RestoreSecretCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretCommand,
} from "@aws-sdk/client-secrets-manager";
import type { Observed } from "../../../engine/resource-handler.ts";
import { hasIdentity, tagChanges, tagList, tagMap } from "../../../providers/aws/tags.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound } from "../aws-crud.ts";
import { num, requiredStr, str } from "../properties.ts";

/**
 * aws_secretsmanager_secret: the secret's container, without a value (values are set out of band and
 * only referenced). Its id is the ARN. Deletion honours the recovery window.
 */
export const secretsmanagerSecret: AwsCrud = {
  type: "aws_secretsmanager_secret",
  forceNew: ["name", "name_prefix"],
  async create(aws, call) {
    const name = requiredStr(call.properties, "name", "aws_secretsmanager_secret");
    const existing = await describe(aws, name);
    if (existing && hasIdentity(tagMap(existing.Tags), call.identity)) {
      // Ours: created by an interrupted apply, or deleted by plinth and still in its recovery window.
      if (existing.DeletedDate)
        await aws.clients.secretsManager().send(new RestoreSecretCommand({ SecretId: existing.ARN }));
      return observed(existing.ARN as string, name);
    }
    const { ARN } = await aws.clients.secretsManager().send(
      new CreateSecretCommand({
        Name: name,
        Description: str(call.properties, "description"),
        KmsKeyId: str(call.properties, "kms_key_id"),
        Tags: tagList(call.properties.tags),
      }),
    );
    return observed(ARN as string, name);
  },
  async read(aws, call) {
    const found = await describe(aws, call.id);
    if (!found || found.DeletedDate) return undefined;
    return {
      ...observed(found.ARN as string, found.Name as string),
      properties: { ...(found.Description !== undefined ? { description: found.Description } : {}) },
    };
  },
  async update(aws, call) {
    const client = aws.clients.secretsManager();
    if (call.changed.includes("description") || call.changed.includes("kms_key_id"))
      await client.send(
        new UpdateSecretCommand({
          SecretId: call.id,
          Description: str(call.properties, "description") ?? "",
          KmsKeyId: str(call.properties, "kms_key_id"),
        }),
      );
    if (call.changed.includes("tags")) {
      const { set, remove } = tagChanges(call.previous.tags, call.properties.tags);
      if (set.length > 0) await client.send(new TagResourceCommand({ SecretId: call.id, Tags: set }));
      if (remove.length > 0)
        await client.send(new UntagResourceCommand({ SecretId: call.id, TagKeys: remove }));
    }
    return { id: call.id, outputs: call.outputs };
  },
  async delete(aws, call) {
    const window = num(call.properties, "recovery_window_in_days") ?? 30;
    await deleteIgnoringNotFound(
      aws.clients.secretsManager().send(
        new DeleteSecretCommand({
          SecretId: call.id,
          ...(window === 0 ? { ForceDeleteWithoutRecovery: true } : { RecoveryWindowInDays: window }),
        }),
      ),
    );
  },
  async find(aws, call) {
    const found = await describe(aws, requiredStr(call.properties, "name", "aws_secretsmanager_secret"));
    if (!found || found.DeletedDate || !hasIdentity(tagMap(found.Tags), call.identity)) return undefined;
    return observed(found.ARN as string, found.Name as string);
  },
};

async function describe(aws: AwsContext, id: string): Promise<DescribeSecretCommandOutput | undefined> {
  return unlessNotFound(aws.clients.secretsManager().send(new DescribeSecretCommand({ SecretId: id })));
}

function observed(arn: string, name: string): Observed {
  return { id: arn, outputs: { arn, name } };
}
