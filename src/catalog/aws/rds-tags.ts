import { AddTagsToResourceCommand, RemoveTagsFromResourceCommand } from "@aws-sdk/client-rds";
import type { Json } from "../../model/value.ts";
import { tagChanges } from "../../providers/aws/tags.ts";
import type { AwsContext } from "./aws-crud.ts";

export async function updateRdsTags(
  aws: AwsContext,
  arn: string,
  before: Json | undefined,
  after: Json | undefined,
) {
  const { set, remove } = tagChanges(before, after);
  if (set.length > 0)
    await aws.clients.rds().send(new AddTagsToResourceCommand({ ResourceName: arn, Tags: set }));
  if (remove.length > 0)
    await aws.clients.rds().send(new RemoveTagsFromResourceCommand({ ResourceName: arn, TagKeys: remove }));
}
