import type { BucketComponent } from "../../../spec/types.ts";
import { Template } from "../../value.ts";
import type { LoweredComponent, LoweringContext } from "../context.ts";
import { placement } from "./resource-group.ts";

/**
 * A storage account holding one container: the account is what is globally named, secured and replicated,
 * the container what holds the objects. Microsoft Entra authentication only (no shared keys, no local
 * users), TLS 1.2 over HTTPS only, double encryption at rest, versioning, soft delete of blobs and
 * containers (longer in production), geo-redundant in production, and no anonymous access unless
 * `public: true`.
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
    ctx.bag.warn(
      `\`expireAfterDays\` of bucket \`${bucket.name}\` is not applied on Azure yet: objects are kept until deleted.`,
      ctx.spec.sources.value(`${bucket.pointer}/expireAfterDays`),
      "Add a lifecycle management rule to the storage account outside plinth for now.",
    );
  }

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
