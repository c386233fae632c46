import type { PulumiMapping } from "../../pulumi-mapping.ts";

export const privateDnsZoneVirtualNetworkLink: PulumiMapping = {
  module: "privatedns",
  name: "ZoneVirtualNetworkLink",
};
