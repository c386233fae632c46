import type { PulumiMapping } from "../../pulumi-mapping.ts";

export const privateDnsZone: PulumiMapping = { module: "privatedns", name: "Zone" };
