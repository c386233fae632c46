import { type ArmMapping, defined, ID, NAME, reference } from "../../arm-mapping.ts";

export const servicebusNamespace: ArmMapping = {
  type: "Microsoft.ServiceBus/namespaces",
  apiVersion: "2024-01-01",
  body: (args) => {
    const sku = args.get("sku") ?? "Standard";
    const local = args.get("local_auth_enabled");
    return {
      sku: { name: sku, tier: sku },
      properties: defined({
        minimumTlsVersion: args.get("minimum_tls_version"),
        disableLocalAuth: typeof local === "boolean" ? !local : undefined,
      }),
    };
  },
  attributes: { id: ID, name: NAME, endpoint: reference("serviceBusEndpoint") },
};
