import type { PulumiMapping } from "../../pulumi-mapping.ts";

export const serviceAccount: PulumiMapping = { module: "serviceaccount", name: "Account" };
