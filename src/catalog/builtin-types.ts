/**
 * Resource types plinth itself implements, usable on every cloud: `plinth_null` stores its properties
 * and exposes them (and an `id`) as attributes, calling no cloud, like Terraform's `terraform_data`.
 */
export const PLINTH_NULL = "plinth_null";

export function isBuiltinType(type: string): boolean {
  return type === PLINTH_NULL;
}
