import type { BucketComponent } from "../../../spec/types.ts";
import { Template, type Value } from "../../value.ts";
import type { LoweredComponent, LoweringContext } from "../context.ts";
import { lockAgainstDeletion } from "./management-lock.ts";
import { placement } from "./resource-group.ts";

/**
 * A storage account holding one container: the account is what is globally named, secured and replicated,
 * the container what holds the objects. Microsoft Entra authentication only (no shared keys, no local
 * users), TLS 1.2 over HTTPS only, double encryption at rest, versioning, soft delete of blobs and
 * containers (longer in production), geo-redundant in production, no anonymous access unless
 * `public: true`, expiry by a lifecycle management policy, and in production a CanNotDelete lock.
 *
 * The container is managed through Azure Resource Manager (`storage_account_id`), so Terraform needs no
 * account key to create it.
 */
export function lowerAzureBucket(bucket: BucketComponent, ctx: LoweringContext): LoweredComponent {
  const name = ctx.localName(bucket);
  const production = ctx.spec.production;
  const isPublic = bucket.props.public ?? false;
  const retentionDays = production ? 30 : 7;

  const account = ctx.add(bucket, "azurerm_storage_account", name, {
    // Account names are global, 3 to 24 lowercase letters and digits.
    name: ctx.physicalName(bucket, { max: 24, allowed: /[a-z0-9]/, separator: "" }),
    ...placement(ctx),
    account_kind: "StorageV2",
    account_tier: "Standard",
    account_replication_type: production ? "GRS" : "LRS",
    min_tls_version: "TLS1_2",
    https_traffic_only_enabled: true,
    allow_nested_items_to_be_public: isPublic,
    shared_access_key_enabled: false,
    default_to_oauth_authentication: true,
    local_user_enabled: false,
    cross_tenant_replication_enabled: false,
    infrastructure_encryption_enabled: true,
    blob_properties: [
      {
        versioning_enabled: bucket.props.versioning ?? true,
        delete_retention_policy: [{ days: retentionDays }],
        container_delete_retention_policy: [{ days: retentionDays }],
      },
    ],
  });

  const container = ctx.add(bucket, "azurerm_storage_container", name, {
    name: ctx.physicalName(bucket, { max: 63 }),
    storage_account_id: ctx.ref(account, "id"),
    // `blob` lets anyone read an object by its URL but not list the container, as a public S3 bucket.
    container_access_type: isPublic ? "blob" : "private",
  });

  if (bucket.props.expireAfterDays !== undefined) {
    ctx.add(bucket, "azurerm_storage_management_policy", name, {
      storage_account_id: ctx.ref(account, "id"),
      rule: [expiryRule(bucket.props.expireAfterDays)],
    });
  }
  if (production) lockAgainstDeletion(ctx, bucket, account);

  // The account's name is the globally unique one, as an S3 bucket's; the URL names the container too.
  return {
    attributes: {
      id: ctx.ref(account, "id"),
      name: ctx.ref(account, "name"),
      // primary_blob_endpoint ends with a slash: https://<account>.blob.core.windows.net/
      url: new Template([ctx.ref(account, "primary_blob_endpoint"), ctx.ref(container, "name")]),
    },
  };
}

/**
 * Blobs, the old versions versioning keeps and snapshots deleted `days` after they were written, as
 * expiry does on AWS and GCP; deleted blobs then stay in soft delete for its retention. The account holds
 * one container, so the rule needs no prefix. Append blobs take delete actions too.
 */
function expiryRule(days: number): Value {
  return {
    name: "expire",
    enabled: true,
    filters: [{ blob_types: ["blockBlob", "appendBlob"] }],
    actions: [
      {
        base_blob: [{ delete_after_days_since_modification_greater_than: days }],
        version: [{ delete_after_days_since_creation: days }],
        snapshot: [{ delete_after_days_since_creation_greater_than: days }],
      },
    ],
  };
}
