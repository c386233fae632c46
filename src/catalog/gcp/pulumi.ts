import type { PulumiMapping } from "../pulumi-mapping.ts";
import { projectIamMember } from "./project-iam-member/pulumi.ts";
import { serviceAccount } from "./service-account/pulumi.ts";

/** GCP types whose Pulumi module or name differs from the generic derivation. */
export const PULUMI: Readonly<Record<string, PulumiMapping>> = {
  google_project_iam_member: projectIamMember,
  google_service_account: serviceAccount,
};
