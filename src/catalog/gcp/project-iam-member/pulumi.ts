import type { PulumiMapping } from "../../pulumi-mapping.ts";

export const projectIamMember: PulumiMapping = { module: "projects", name: "IAMMember" };
