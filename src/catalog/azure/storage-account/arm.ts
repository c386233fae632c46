import type { Value } from "../../../model/value.ts";
import { type ArmMapping, defined, ID, NAME, reference } from "../../arm-mapping.ts";

/** The account; its blob service (versioning, soft delete) is the child `blobServices/default`. */
export const storageAccount: ArmMapping = {
  type: "Microsoft.Storage/storageAccounts",
  apiVersion: "2023-05-01",
  body: (args) => {
    const rules = args.block("network_rules");
    const subnets = rules.virtual_network_subnet_ids;
    return {
      kind: args.get("account_kind") ?? "StorageV2",
      sku: {
        name: `${args.get("account_tier") ?? "Standard"}_${args.get("account_replication_type") ?? "LRS"}`,
      },
      properties: defined({
        minimumTlsVersion: args.get("min_tls_version"),
        supportsHttpsTrafficOnly: args.get("https_traffic_only_enabled"),
        allowBlobPublicAccess: args.get("allow_nested_items_to_be_public"),
        allowSharedKeyAccess: args.get("shared_access_key_enabled"),
        defaultToOAuthAuthentication: args.get("default_to_oauth_authentication"),
        isLocalUserEnabled: args.get("local_user_enabled"),
        allowCrossTenantReplication: args.get("cross_tenant_replication_enabled"),
        encryption: defined({
          keySource: "Microsoft.Storage",
          requireInfrastructureEncryption: args.get("infrastructure_encryption_enabled"),
          services: { blob: { enabled: true }, file: { enabled: true } },
        }),
        networkAcls:
          Object.keys(rules).length === 0
            ? undefined
            : defined({
                defaultAction: rules.default_action,
                // Terraform lists the bypasses; ARM takes them comma-separated.
                bypass: Array.isArray(rules.bypass) ? rules.bypass.join(", ") : undefined,
                virtualNetworkRules: Array.isArray(subnets)
                  ? subnets.map((id): Value => ({ id, action: "Allow" }))
                  : undefined,
              }),
      }),
    };
  },
  companions: (args) => {
    const blob = args.block("blob_properties");
    const retention = (block: unknown) => {
      const days = (Array.isArray(block) ? block[0] : block) as { days?: number } | undefined;
      return days?.days === undefined ? undefined : { enabled: true, days: days.days };
    };
    return [
      {
        type: "blobServices",
        name: "default",
        apiVersion: "2023-05-01",
        properties: defined({
          isVersioningEnabled: blob.versioning_enabled,
          deleteRetentionPolicy: retention(blob.delete_retention_policy),
          containerDeleteRetentionPolicy: retention(blob.container_delete_retention_policy),
        }),
      },
    ];
  },
  attributes: { id: ID, name: NAME, primary_blob_endpoint: reference("primaryEndpoints.blob") },
};
