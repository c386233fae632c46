import type { PulumiMapping } from "../../pulumi-mapping.ts";

export const privateEndpoint: PulumiMapping = { module: "privatelink", name: "Endpoint" };
