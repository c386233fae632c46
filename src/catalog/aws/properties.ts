import { InputError } from "../../errors.ts";
import type { Json, JsonObject } from "../../model/value.ts";

/** Typed reads of a resource's resolved properties, by Terraform argument name. */
export function str(props: JsonObject, name: string): string | undefined {
  const value = props[name];
  return value === undefined || value === null ? undefined : String(value);
}

export function requiredStr(props: JsonObject, name: string, type: string): string {
  const value = str(props, name);
  if (value === undefined || value === "") throw new InputError(`${type} needs \`${name}\`.`);
  return value;
}

export function num(props: JsonObject, name: string): number | undefined {
  const value = props[name];
  if (value === undefined || value === null) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

export function bool(props: JsonObject, name: string): boolean | undefined {
  const value = props[name];
  if (value === undefined || value === null) return undefined;
  return value === true || value === "true";
}

export function strings(props: JsonObject, name: string): string[] {
  const value = props[name];
  return Array.isArray(value) ? value.filter((v) => v !== null).map(String) : [];
}

/** A nested block: Terraform keeps blocks as lists; `single` ones may be a bare object. */
export function blocks(props: JsonObject, name: string): JsonObject[] {
  const value = props[name];
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

export function block(props: JsonObject, name: string): JsonObject | undefined {
  return blocks(props, name)[0];
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Drops undefined fields, so SDK inputs only carry what was set. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
