import type { Cloud } from "../model/graph.ts";
import type { Size } from "../spec/types.ts";

/** Portable sizes → each cloud's machine and database classes. Current generation, general purpose. */
export const SIZES: Readonly<
  Record<Cloud, Readonly<Record<"vm" | "database", Readonly<Record<Size, string>>>>>
> = {
  aws: {
    vm: { small: "t3.small", medium: "m6i.large", large: "m6i.2xlarge" },
    database: { small: "db.t4g.small", medium: "db.m6g.large", large: "db.r6g.xlarge" },
  },
  gcp: {
    vm: { small: "e2-small", medium: "n2-standard-2", large: "n2-standard-8" },
    database: { small: "db-custom-1-3840", medium: "db-custom-2-8192", large: "db-custom-8-32768" },
  },
  azure: {
    vm: { small: "Standard_B2s", medium: "Standard_D2s_v5", large: "Standard_D8s_v5" },
    database: { small: "B_Standard_B1ms", medium: "GP_Standard_D2ds_v5", large: "GP_Standard_D8ds_v5" },
  },
};
