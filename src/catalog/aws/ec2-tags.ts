import { CreateTagsCommand, DeleteTagsCommand, type Filter, type ResourceType } from "@aws-sdk/client-ec2";
import type { Observed, UpdateCall } from "../../engine/resource-handler.ts";
import type { Json } from "../../model/value.ts";
import { tagChanges, tagList } from "../../providers/aws/tags.ts";
import type { AwsContext } from "./aws-crud.ts";

/** Tags applied in the create call itself, so no resource exists untagged (and unfindable) even briefly. */
export function tagSpecifications(resourceType: ResourceType, tags: Json | undefined) {
  const list = tagList(tags);
  return list.length > 0 ? [{ ResourceType: resourceType, Tags: list }] : undefined;
}

/** Filters that find a resource by plinth's identity tags. */
export function identityFilters(identity: Record<string, string>): Filter[] {
  return Object.entries(identity).map(([key, value]) => ({ Name: `tag:${key}`, Values: [value] }));
}

export async function updateEc2Tags(
  aws: AwsContext,
  id: string,
  before: Json | undefined,
  after: Json | undefined,
) {
  const { set, remove } = tagChanges(before, after);
  const ec2 = aws.clients.ec2();
  if (set.length > 0) await ec2.send(new CreateTagsCommand({ Resources: [id], Tags: set }));
  if (remove.length > 0)
    await ec2.send(new DeleteTagsCommand({ Resources: [id], Tags: remove.map((Key) => ({ Key })) }));
}

/** `arn:aws:ec2:<region>:<account>:<resource>`, as Terraform's `arn` attribute holds it. */
export function ec2Arn(aws: AwsContext, owner: string | undefined, resource: string): string {
  return `arn:aws:ec2:${aws.clients.region}:${owner ?? ""}:${resource}`;
}

/** The update of EC2 types whose only in-place change is their tags. */
export async function updateTagsOnly(aws: AwsContext, call: UpdateCall): Promise<Observed> {
  if (call.changed.includes("tags"))
    await updateEc2Tags(aws, call.id, call.previous.tags, call.properties.tags);
  return { id: call.id, outputs: call.outputs };
}
