import type { PulumiMapping } from "../../pulumi-mapping.ts";

export const pubsubSubscriptionIamMember: PulumiMapping = { module: "pubsub", name: "SubscriptionIAMMember" };
