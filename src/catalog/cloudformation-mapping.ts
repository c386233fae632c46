import type { ResourceNode } from "../model/graph.ts";
import { isPlainObject, type Value } from "../model/value.ts";

/**
 * How one Terraform resource type renders in CloudFormation: data and small pure functions, read by
 * src/codegen/cloudformation. Values stay graph values (references included); the code generator turns
 * them into `Ref`/`Fn::GetAtt`/`Fn::Sub`.
 */
export interface CloudFormationMapping {
  /** `AWS::S3::Bucket`. For a type merged into another, the target's type. */
  type: string;
  /**
   * Terraform argument → CloudFormation property name (the value converted as it is), or a function
   * returning the properties it becomes. An argument not listed here is refused with its name, never
   * dropped. `tags` is handled for every type by `tags`.
   */
  properties: Readonly<Record<string, string | PropertyMapper>>;
  /** How the type takes tags: a list of `{Key, Value}` (most types), a map, or not at all. */
  tags?: "list" | "map" | "none";
  /** Properties every resource of the type has, whatever its arguments. */
  fixed?: Readonly<Record<string, Value>>;
  /**
   * Terraform attribute (as `formatPath` prints it without the dot: `arn`,
   * `master_user_secret[0].secret_arn`) → how CloudFormation reads it.
   */
  attributes: Readonly<Record<string, CfnAttribute>>;
  /**
   * For split Terraform resources (bucket versioning, role policies): the argument holding a reference
   * to the resource this one is merged into. Its properties are added to that resource's.
   */
  mergeInto?: string;
  /** DeletionPolicy and UpdateReplacePolicy, for types holding data. */
  retention?: (node: ResourceNode) => "Delete" | "Retain" | "Snapshot";
  /** Further resources CloudFormation needs where Terraform has one (an internet gateway's attachment). */
  companions?: (node: ResourceNode) => CfnCompanion[];
  /** Companions of referenced resources this one must wait for (a route waits for the gateway's attachment). */
  waitsFor?: (node: ResourceNode) => Array<{ address: string; suffix: string }>;
}

/** Returns CloudFormation properties; objects are merged into what other arguments set. */
export type PropertyMapper = (value: Value, node: ResourceNode) => Record<string, Value>;

/**
 * `ref`: `!Ref Resource`; `getAtt`: `!GetAtt Resource.Name`; `sub`: a `!Sub` string where `${Self}` is the
 * resource (e.g. a log group's ARN, which `GetAtt Arn` gives with a trailing `:*`); `property`: the value
 * of one of the node's own arguments (a name CloudFormation returns no attribute for).
 */
export type CfnAttribute = { ref: true } | { getAtt: string } | { sub: string } | { property: string };

export interface CfnCompanion {
  /** Appended to the resource's logical ID: `NetInternetGateway` + `Attachment`. */
  suffix: string;
  type: string;
  properties: Record<string, Value>;
}

export const REF: CfnAttribute = { ref: true };
export const getAtt = (name: string): CfnAttribute => ({ getAtt: name });

/** The first (only) object of a Terraform block list, or an empty object. */
export function single(value: Value | undefined): Record<string, Value> {
  const first = Array.isArray(value) ? value[0] : value;
  return isPlainObject(first) ? first : {};
}
