/**
 * Where a Terraform type's Pulumi resource differs from what plinth derives from Terraform's names and
 * schema (module by prefix, resource name in PascalCase, camelCase arguments, plural lists, blocks of
 * at most one element flattened): only the differences.
 */
export interface PulumiMapping {
  /** `gcp:serviceaccount:Account`: the module and resource name. */
  module?: string;
  name?: string;
  /**
   * Arguments the provider names or shapes otherwise, by their Terraform path without indices
   * (`rule.filter`): the Pulumi name, and whether a block list is a single object there.
   */
  fields?: Readonly<Record<string, { name: string; flattened: boolean }>>;
}
