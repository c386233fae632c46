import type { Value } from "../../../model/value.ts";
import { type ArmMapping, defined, ID, NAME, reference } from "../../arm-mapping.ts";

export const keyVault: ArmMapping = {
  type: "Microsoft.KeyVault/vaults",
  apiVersion: "2024-11-01",
  body: (args) => {
    const acls = args.block("network_acls");
    const subnets = acls.virtual_network_subnet_ids;
    return {
      properties: defined({
        tenantId: args.get("tenant_id"),
        sku: { family: "A", name: args.get("sku_name") ?? "standard" },
        enableRbacAuthorization: args.get("rbac_authorization_enabled"),
        enablePurgeProtection: args.get("purge_protection_enabled"),
        enableSoftDelete: true,
        softDeleteRetentionInDays: args.get("soft_delete_retention_days"),
        networkAcls:
          Object.keys(acls).length === 0
            ? undefined
            : defined({
                defaultAction: acls.default_action,
                bypass: acls.bypass,
                virtualNetworkRules: Array.isArray(subnets)
                  ? subnets.map((id): Value => ({ id }))
                  : undefined,
              }),
      }),
    };
  },
  attributes: { id: ID, name: NAME, vault_uri: reference("vaultUri") },
};
