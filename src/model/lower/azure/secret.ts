import type { SecretComponent } from "../../../spec/types.ts";
import { Template } from "../../value.ts";
import type { LoweredComponent, LoweringContext } from "../context.ts";
import { appSubnets } from "./app-subnets.ts";
import { placement } from "./resource-group.ts";
import { tenantId } from "./tenant.ts";

/** Deleted vaults and secrets stay recoverable this long, the most Azure allows. */
const SOFT_DELETE_DAYS = 90;

/**
 * A key vault holding the one secret, without its value: the value is set out of band and only the
 * secret's URI is referenced. Access through Azure RBAC (no access policies), purge protection so a
 * deleted vault cannot be destroyed before its soft-delete period ends, and a firewall admitting only the
 * app's subnets and trusted Azure services. Key Vault has no description field, so `description` stays in
 * plinth.yaml.
 */
export function lowerAzureSecret(secret: SecretComponent, ctx: LoweringContext): LoweredComponent {
  const vault = ctx.add(secret, "azurerm_key_vault", ctx.localName(secret), {
    // Vault names are global: 3 to 24 letters, digits and single hyphens.
    name: ctx.physicalName(secret, { max: 24 }).replace(/-{2,}/g, "-"),
    ...placement(ctx),
    tenant_id: tenantId(ctx),
    sku_name: "standard",
    rbac_authorization_enabled: true,
    purge_protection_enabled: true,
    soft_delete_retention_days: SOFT_DELETE_DAYS,
    network_acls: [
      { default_action: "Deny", bypass: "AzureServices", virtual_network_subnet_ids: appSubnets(ctx) },
    ],
  });
  return {
    attributes: {
      // vault_uri ends with a slash: https://<vault>.vault.azure.net/
      id: new Template([ctx.ref(vault, "vault_uri"), `secrets/${secret.name}`]),
      name: secret.name,
    },
  };
}
