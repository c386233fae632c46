import {
  CreateKeyCommand,
  DescribeKeyCommand,
  DisableKeyRotationCommand,
  EnableKeyRotationCommand,
  GetKeyRotationStatusCommand,
  type KeyMetadata,
  ListKeysCommand,
  ListResourceTagsCommand,
  PutKeyPolicyCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateKeyDescriptionCommand,
} from "@aws-sdk/client-kms";
import type { Observed } from "../../../engine/resource-handler.ts";
import type { JsonObject } from "../../../model/value.ts";
import { hasIdentity, tagChanges, tagList } from "../../../providers/aws/tags.ts";
import { type AwsContext, type AwsCrud, unlessNotFound } from "../aws-crud.ts";
import { bool, num, str } from "../properties.ts";

/**
 * aws_kms_key: a customer managed key with rotation, policy and tags. Keys are never deleted at once:
 * deletion schedules it after `deletion_window_in_days` (7–30), during which it can be recovered.
 */
export const kmsKey: AwsCrud = {
  type: "aws_kms_key",
  forceNew: ["key_usage", "customer_master_key_spec", "multi_region"],
  async create(aws, call) {
    const p = call.properties;
    const { KeyMetadata: created } = await aws.clients.kms().send(
      new CreateKeyCommand({
        Description: str(p, "description"),
        KeyUsage: (str(p, "key_usage") ?? "ENCRYPT_DECRYPT") as "ENCRYPT_DECRYPT",
        KeySpec: (str(p, "customer_master_key_spec") ?? "SYMMETRIC_DEFAULT") as "SYMMETRIC_DEFAULT",
        Policy: str(p, "policy"),
        MultiRegion: bool(p, "multi_region"),
        Tags: tagList(p.tags).map((t) => ({ TagKey: t.Key, TagValue: t.Value })),
      }),
    );
    if (bool(p, "enable_key_rotation")) await setRotation(aws, created?.KeyId as string, p);
    return observed(created as KeyMetadata);
  },
  async read(aws, call) {
    const key = await describe(aws, call.id);
    if (!key || key.KeyState === "PendingDeletion") return undefined;
    const { KeyRotationEnabled } = await aws.clients
      .kms()
      .send(new GetKeyRotationStatusCommand({ KeyId: call.id }));
    return {
      ...observed(key),
      properties: { enable_key_rotation: KeyRotationEnabled ?? false, description: key.Description ?? "" },
    };
  },
  async update(aws, call) {
    const kms = aws.clients.kms();
    const p = call.properties;
    if (call.changed.includes("description"))
      await kms.send(
        new UpdateKeyDescriptionCommand({ KeyId: call.id, Description: str(p, "description") ?? "" }),
      );
    if (call.changed.includes("enable_key_rotation") || call.changed.includes("rotation_period_in_days"))
      await setRotation(aws, call.id, p);
    if (call.changed.includes("policy") && str(p, "policy"))
      await kms.send(
        new PutKeyPolicyCommand({ KeyId: call.id, PolicyName: "default", Policy: str(p, "policy") }),
      );
    if (call.changed.includes("tags")) {
      const { set, remove } = tagChanges(call.previous.tags, p.tags);
      if (set.length > 0)
        await kms.send(
          new TagResourceCommand({
            KeyId: call.id,
            Tags: set.map((t) => ({ TagKey: t.Key, TagValue: t.Value })),
          }),
        );
      if (remove.length > 0) await kms.send(new UntagResourceCommand({ KeyId: call.id, TagKeys: remove }));
    }
    return { id: call.id, outputs: call.outputs };
  },
  async delete(aws, call) {
    const key = await describe(aws, call.id);
    if (!key || key.KeyState === "PendingDeletion") return;
    await aws.clients.kms().send(
      new ScheduleKeyDeletionCommand({
        KeyId: call.id,
        PendingWindowInDays: num(call.properties, "deletion_window_in_days") ?? 30,
      }),
    );
  },
  /** Keys have no name: after a crash the key is found among the account's keys by its identity tags. */
  async find(aws, call) {
    const kms = aws.clients.kms();
    let marker: string | undefined;
    do {
      const page = await kms.send(new ListKeysCommand({ Marker: marker }));
      for (const entry of page.Keys ?? []) {
        const { Tags } = await kms.send(new ListResourceTagsCommand({ KeyId: entry.KeyId }));
        const tags = Object.fromEntries((Tags ?? []).map((t) => [t.TagKey ?? "", t.TagValue ?? ""]));
        if (!hasIdentity(tags, call.identity)) continue;
        const key = await describe(aws, entry.KeyId as string);
        if (key && key.KeyState !== "PendingDeletion") return observed(key);
      }
      marker = page.Truncated ? page.NextMarker : undefined;
    } while (marker);
    return undefined;
  },
};

async function setRotation(aws: AwsContext, id: string, p: JsonObject) {
  const kms = aws.clients.kms();
  if (bool(p, "enable_key_rotation"))
    await kms.send(
      new EnableKeyRotationCommand({ KeyId: id, RotationPeriodInDays: num(p, "rotation_period_in_days") }),
    );
  else await kms.send(new DisableKeyRotationCommand({ KeyId: id }));
}

async function describe(aws: AwsContext, id: string): Promise<KeyMetadata | undefined> {
  return (await unlessNotFound(aws.clients.kms().send(new DescribeKeyCommand({ KeyId: id }))))?.KeyMetadata;
}

function observed(key: KeyMetadata): Observed {
  return { id: key.KeyId as string, outputs: { key_id: key.KeyId ?? null, arn: key.Arn ?? null } };
}
