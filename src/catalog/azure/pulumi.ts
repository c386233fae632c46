import type { PulumiMapping } from "../pulumi-mapping.ts";
import { privateEndpoint } from "./private-endpoint/pulumi.ts";

/** Azure types whose Pulumi module or name differs from the generic derivation. */
export const PULUMI: Readonly<Record<string, PulumiMapping>> = {
  azurerm_private_endpoint: privateEndpoint,
};
