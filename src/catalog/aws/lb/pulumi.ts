import type { PulumiMapping } from "../../pulumi-mapping.ts";

export const lb: PulumiMapping = { module: "lb", name: "LoadBalancer" };
