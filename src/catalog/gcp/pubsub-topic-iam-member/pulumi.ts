import type { PulumiMapping } from "../../pulumi-mapping.ts";

export const pubsubTopicIamMember: PulumiMapping = { module: "pubsub", name: "TopicIAMMember" };
