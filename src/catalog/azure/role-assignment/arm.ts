import { ArmCall, type ArmMapping, defined, ID } from "../../arm-mapping.ts";

/** IDs of the built-in roles plinth assigns (they are the same in every Azure tenant). */
const BUILT_IN_ROLES: Readonly<Record<string, string>> = {
  "Key Vault Secrets User": "4633458b-17de-408a-b874-0445c86b69e6",
  "Storage Blob Data Reader": "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
  "Storage Blob Data Contributor": "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
  "Azure Service Bus Data Receiver": "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0",
  "Azure Service Bus Data Sender": "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39",
};

function roleDefinitionId(name: unknown): ArmCall {
  const id = typeof name === "string" ? BUILT_IN_ROLES[name] : undefined;
  if (!id) throw new Error(`role \`${String(name)}\` is not one of plinth's known built-in roles`);
  return new ArmCall("subscriptionResourceId", ["Microsoft.Authorization/roleDefinitions", id]);
}

/** Named, as ARM requires, by a GUID derived from scope, principal and role: the same on every deployment. */
export const roleAssignment: ArmMapping = {
  type: "Microsoft.Authorization/roleAssignments",
  apiVersion: "2022-04-01",
  scope: "scope",
  name: (args) =>
    new ArmCall("guid", [
      args.get("scope") ?? null,
      args.get("principal_id") ?? null,
      roleDefinitionId(args.get("role_definition_name")),
    ]),
  body: (args) => ({
    properties: defined({
      roleDefinitionId: roleDefinitionId(args.get("role_definition_name")),
      principalId: args.get("principal_id"),
      principalType: args.get("principal_type"),
      description: args.get("description"),
    }),
  }),
  attributes: { id: ID },
};
