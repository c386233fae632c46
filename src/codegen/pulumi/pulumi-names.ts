import { PULUMI as AWS_PULUMI } from "../../catalog/aws/pulumi.ts";
import { PULUMI as AZURE_PULUMI } from "../../catalog/azure/pulumi.ts";
import { PULUMI as GCP_PULUMI } from "../../catalog/gcp/pulumi.ts";
import type { SchemaAttribute, SchemaBlock, SchemaBlockType } from "../../catalog/provider-schemas.ts";
import type { PulumiMapping } from "../../catalog/pulumi-mapping.ts";
import type { Cloud } from "../../model/graph.ts";
import { UnsupportedByFormatError } from "../errors.ts";

/** The Terraform-bridged Pulumi provider of each cloud: its package and the npm version plinth pins. */
export const PULUMI_PACKAGES: Readonly<Record<Cloud, { name: string; npm: string; version: string }>> = {
  aws: { name: "aws", npm: "@pulumi/aws", version: "7.48.0" },
  gcp: { name: "gcp", npm: "@pulumi/gcp", version: "9.37.0" },
  azure: { name: "azure", npm: "@pulumi/azure", version: "6.40.0" },
};
export const PULUMI_SDK_VERSION = "3.276.0";

const OVERRIDES: Readonly<Record<Cloud, Readonly<Record<string, PulumiMapping>>>> = {
  aws: AWS_PULUMI,
  gcp: GCP_PULUMI,
  azure: AZURE_PULUMI,
};

/**
 * Terraform type prefix → Pulumi module, and the prefix removed to name the resource, as the bridged
 * providers group them (longest prefix first; the last entry of each cloud is its catch-all).
 */
const MODULES: Readonly<
  Record<Cloud, ReadonlyArray<readonly [prefix: string, module: string, strip: string]>>
> = {
  aws: [
    ["aws_vpc_security_group_", "vpc", "aws_vpc_"],
    ["aws_cloudwatch_", "cloudwatch", "aws_cloudwatch_"],
    ["aws_secretsmanager_", "secretsmanager", "aws_secretsmanager_"],
    ["aws_dynamodb_", "dynamodb", "aws_dynamodb_"],
    ["aws_lambda_", "lambda", "aws_lambda_"],
    ["aws_lb_", "lb", "aws_lb_"],
    ["aws_iam_", "iam", "aws_iam_"],
    ["aws_kms_", "kms", "aws_kms_"],
    ["aws_sns_", "sns", "aws_sns_"],
    ["aws_sqs_", "sqs", "aws_sqs_"],
    ["aws_db_", "rds", "aws_db_"],
    ["aws_s3_", "s3", "aws_s3_"],
    ["aws_", "ec2", "aws_"],
  ],
  gcp: [
    ["google_service_networking_", "servicenetworking", "google_service_networking_"],
    ["google_secret_manager_", "secretmanager", "google_secret_manager_"],
    ["google_cloudfunctions2_", "cloudfunctionsv2", "google_cloudfunctions2_"],
    ["google_cloud_run_v2_", "cloudrunv2", "google_cloud_run_v2_"],
    ["google_compute_", "compute", "google_compute_"],
    ["google_storage_", "storage", "google_storage_"],
    ["google_project_", "projects", "google_project_"],
    ["google_pubsub_", "pubsub", "google_pubsub_"],
    ["google_sql_", "sql", "google_sql_"],
  ],
  azure: [
    ["azurerm_resource_group", "core", "azurerm_"],
    ["azurerm_postgresql_", "postgresql", "azurerm_postgresql_"],
    ["azurerm_servicebus_", "servicebus", "azurerm_servicebus_"],
    ["azurerm_storage_", "storage", "azurerm_storage_"],
    ["azurerm_mysql_", "mysql", "azurerm_mysql_"],
    ["azurerm_mssql_", "mssql", "azurerm_mssql_"],
    ["azurerm_key_vault", "keyvault", "azurerm_"],
    ["azurerm_linux_virtual_machine", "compute", "azurerm_"],
    ["azurerm_linux_function_app", "appservice", "azurerm_"],
    ["azurerm_service_plan", "appservice", "azurerm_"],
    ["azurerm_virtual_network", "network", "azurerm_"],
    ["azurerm_network_", "network", "azurerm_"],
    ["azurerm_subnet", "network", "azurerm_"],
    ["azurerm_nat_gateway", "network", "azurerm_"],
    ["azurerm_public_ip", "network", "azurerm_"],
  ],
};

export interface PulumiToken {
  /** `aws` */
  pkg: string;
  /** `s3` */
  module: string;
  /** `BucketVersioning` */
  name: string;
}

const tokens = new Map<string, PulumiToken>();

/** `aws_s3_bucket_versioning` → aws:s3:BucketVersioning, the current (pulumi-aws 7) token. */
export function pulumiToken(type: string, cloud: Cloud, address: string): PulumiToken {
  let token = tokens.get(type);
  if (!token) {
    token = deriveToken(type, cloud, address);
    tokens.set(type, token);
  }
  return token;
}

function deriveToken(type: string, cloud: Cloud, address: string): PulumiToken {
  const pkg = PULUMI_PACKAGES[cloud].name;
  const override = OVERRIDES[cloud][type];
  if (override?.module && override.name) return { pkg, module: override.module, name: override.name };
  const entry = MODULES[cloud].find(([prefix]) => type.startsWith(prefix));
  if (!entry)
    throw new UnsupportedByFormatError(`${type} cannot be generated as Pulumi yet (${address}).`, {
      hint: "Generate Terraform for it, or ask for the type to be added to plinth's catalog.",
    });
  const [, module, strip] = entry;
  return { pkg, module, name: pascalCase(type.slice(strip.length)) };
}

// Derived once per schema (a run's schemas are its own: nothing is remembered from one run to the next).
const fields = new WeakMap<SchemaBlock, Map<string, PulumiField>>();

const SEPARATOR = /[_-]/;

/** `s3_bucket` → `S3Bucket`. */
export function pascalCase(snake: string): string {
  // Most component names have no separator (`b0`, `assets`): only their first letter changes.
  if (!SEPARATOR.test(snake)) return snake.charAt(0).toUpperCase() + snake.slice(1);
  return snake
    .split(/[_-]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join("");
}

/** `access_logs` → `accessLogs`. */
export function camelCase(snake: string): string {
  const pascal = pascalCase(snake);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** The catalog's corrections of Pulumi field names for a type, by Terraform path (`rule.filter`). */
export function fieldOverrides(
  type: string,
  cloud: Cloud,
): Readonly<Record<string, { name: string; flattened: boolean }>> {
  return OVERRIDES[cloud][type]?.fields ?? {};
}

/** What the Pulumi bridge does with a Terraform argument or block: its name, and whether a list is flattened. */
export interface PulumiField {
  name: string;
  /** A block of at most one element: Pulumi takes the object itself, not a one-element list. */
  flattened: boolean;
  block?: SchemaBlock;
  attribute?: SchemaAttribute;
}

/**
 * The Pulumi name of a Terraform argument, as the bridge derives it: camelCase, plural for lists and
 * sets that may hold several elements (`rule` → `rules`, `address_space` → `addressSpaces`), and blocks
 * of at most one element flattened to an object.
 */
export function pulumiField(
  name: string,
  schema: SchemaBlock | undefined,
  override?: { name: string; flattened: boolean },
): PulumiField {
  if (!schema || override) return deriveField(name, schema, override);
  let cache = fields.get(schema);
  if (!cache) {
    cache = new Map();
    fields.set(schema, cache);
  }
  let field = cache.get(name);
  if (!field) {
    field = deriveField(name, schema, undefined);
    cache.set(name, field);
  }
  return field;
}

function deriveField(
  name: string,
  schema: SchemaBlock | undefined,
  override?: { name: string; flattened: boolean },
): PulumiField {
  const nested: SchemaBlockType | undefined = schema?.block_types?.[name];
  if (nested) {
    const one = nested.max_items === 1 || nested.nesting_mode === "single" || nested.nesting_mode === "group";
    if (override) return { ...override, block: nested.block };
    return { name: one ? camelCase(name) : plural(camelCase(name)), flattened: one, block: nested.block };
  }
  if (override)
    return { ...override, ...(schema?.attributes?.[name] ? { attribute: schema.attributes[name] } : {}) };
  const attribute = schema?.attributes?.[name];
  const type = attribute?.type;
  const isCollection = Array.isArray(type) && (type[0] === "list" || type[0] === "set");
  return {
    name: isCollection ? plural(camelCase(name)) : camelCase(name),
    flattened: false,
    ...(attribute ? { attribute } : {}),
  };
}

/** English plural as the bridge's inflector makes it, for names that are not plural already. */
export function plural(word: string): string {
  if (/(?:[^s]s|ies|data)$/.test(word)) return word;
  if (/(?:ss|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}
