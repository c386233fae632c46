import type { PulumiMapping } from "../../pulumi-mapping.ts";

export const managementLock: PulumiMapping = { module: "management", name: "Lock" };
