import type { PulumiMapping } from "../../pulumi-mapping.ts";

export const roleAssignment: PulumiMapping = { module: "authorization", name: "Assignment" };
