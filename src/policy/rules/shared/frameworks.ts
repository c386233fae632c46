import type { FrameworkMapping } from "../../types.ts";

/** The benchmark versions the built-in rules' control numbers refer to. */
export const FRAMEWORK_VERSIONS = {
  "cis-aws": "3.0.0",
  "cis-gcp": "3.0.0",
  "cis-azure": "2.1.0",
  soc2: "2017 (points of focus revised 2022)",
} as const;

export const cisAws = (...controls: string[]): FrameworkMapping => ({
  framework: "cis-aws",
  version: FRAMEWORK_VERSIONS["cis-aws"],
  controls,
});

export const cisGcp = (...controls: string[]): FrameworkMapping => ({
  framework: "cis-gcp",
  version: FRAMEWORK_VERSIONS["cis-gcp"],
  controls,
});

export const cisAzure = (...controls: string[]): FrameworkMapping => ({
  framework: "cis-azure",
  version: FRAMEWORK_VERSIONS["cis-azure"],
  controls,
});

/** SOC 2 common criteria: CC6.1 logical access and encryption, CC6.6 boundaries, CC6.7 transmission, CC7.2 monitoring, A1.2 recovery. */
export const soc2 = (...controls: string[]): FrameworkMapping => ({
  framework: "soc2",
  version: FRAMEWORK_VERSIONS.soc2,
  controls,
});
