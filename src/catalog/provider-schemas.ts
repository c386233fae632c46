import { readFileSync } from "node:fs";
import type { Cloud } from "../model/graph.ts";

/** `terraform providers schema -json` shapes, for the resource types plinth bundles. */
export type CtyType = string | [string, unknown];

export interface SchemaAttribute {
  type?: CtyType;
  nested_type?: { attributes: Record<string, SchemaAttribute>; nesting_mode: string };
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
}

export interface SchemaBlockType {
  nesting_mode: "single" | "group" | "list" | "set" | "map";
  block: SchemaBlock;
  min_items?: number;
  max_items?: number;
}

export interface SchemaBlock {
  attributes?: Record<string, SchemaAttribute>;
  block_types?: Record<string, SchemaBlockType>;
  deprecated?: boolean;
}

export interface ProviderSchema {
  /** `hashicorp/aws` */
  source: string;
  version: string;
  resources: Record<string, { block: SchemaBlock }>;
}

/** The provider and version plinth generates for, per cloud; the bundled schemas are these versions. */
export const PROVIDERS: Readonly<
  Record<Cloud, { name: string; source: string; version: string; file: string }>
> = {
  aws: { name: "aws", source: "hashicorp/aws", version: "6.19.0", file: "aws-6.19.0.resources.json" },
  gcp: { name: "google", source: "hashicorp/google", version: "7.9.0", file: "google-7.9.0.resources.json" },
  azure: {
    name: "azurerm",
    source: "hashicorp/azurerm",
    version: "4.51.0",
    file: "azurerm-4.51.0.resources.json",
  },
};

const TYPE_PREFIX: Readonly<Record<Cloud, string>> = { aws: "aws_", gcp: "google_", azure: "azurerm_" };

/** The cloud a Terraform resource type belongs to, by its provider prefix. */
export function cloudOfType(type: string): Cloud | undefined {
  for (const cloud of CLOUD_NAMES) if (type.startsWith(TYPE_PREFIX[cloud])) return cloud;
  return undefined;
}

const CLOUD_NAMES = Object.keys(TYPE_PREFIX) as Cloud[];

export function typePrefix(cloud: Cloud): string {
  return TYPE_PREFIX[cloud];
}

/** Loads bundled provider schemas on first use and keeps them; reading one takes a few milliseconds. */
export class ProviderSchemas {
  readonly #loaded = new Map<Cloud, ProviderSchema>();
  readonly #directory: URL;

  constructor(directory = new URL("../../schemas/terraform/", import.meta.url)) {
    this.#directory = directory;
  }

  provider(cloud: Cloud): ProviderSchema {
    let schema = this.#loaded.get(cloud);
    if (!schema) {
      const { name, source, version, file } = PROVIDERS[cloud];
      const json = JSON.parse(readFileSync(new URL(file, this.#directory), "utf8"));
      const entry = json.provider_schemas[`registry.terraform.io/hashicorp/${name}`];
      schema = { source, version, resources: entry.resource_schemas };
      this.#loaded.set(cloud, schema);
    }
    return schema;
  }

  resource(type: string): SchemaBlock | undefined {
    const cloud = cloudOfType(type);
    return cloud ? this.provider(cloud).resources[type]?.block : undefined;
  }
}
