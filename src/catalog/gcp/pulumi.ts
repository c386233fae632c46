import type { PulumiMapping } from "../pulumi-mapping.ts";
import { projectIamMember } from "./project-iam-member/pulumi.ts";
import { pubsubSubscriptionIamMember } from "./pubsub-subscription-iam-member/pulumi.ts";
import { pubsubTopicIamMember } from "./pubsub-topic-iam-member/pulumi.ts";
import { serviceAccount } from "./service-account/pulumi.ts";

/** GCP types whose Pulumi resource differs from the generic derivation. */
export const PULUMI: Readonly<Record<string, PulumiMapping>> = {
  google_project_iam_member: projectIamMember,
  google_pubsub_subscription_iam_member: pubsubSubscriptionIamMember,
  google_pubsub_topic_iam_member: pubsubTopicIamMember,
  google_service_account: serviceAccount,
};
