import type { Rule } from "../../rule.ts";
import { expectAttribute } from "../shared/attribute-checks.ts";
import { cisAzure, soc2 } from "../shared/frameworks.ts";

/** CIS Azure 3.7: private containers. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-004",
    title: "Blob containers are private",
    description:
      '`container_access_type = "private"`: `blob` and `container` let anyone read blobs (and list them) without credentials.',
    severity: "high",
    cloud: "azure",
    resourceTypes: { terraform: ["azurerm_storage_container"], cloudformation: [] },
    remediation: {
      summary: "Make the container private and share blobs with SAS tokens or Entra ID.",
      terraform: 'resource "azurerm_storage_container" "c" {\n  container_access_type = "private"\n}',
      plinth: "`type: bucket` components on Azure use a private container.",
    },
    frameworks: [cisAzure("3.7"), soc2("CC6.1")],
    aliases: ["CKV_AZURE_34", "AVD-AZU-0007", "azure-storage-no-public-access"],
    references: ["https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-configure"],
    defaults: "The provider's default is private.",
  },
  check: (container) =>
    expectAttribute(container, "container_access_type", {
      ok: (v) => v === "private",
      whenAbsent: "pass",
      pass: "The container is private.",
      fail: "container_access_type is not private: anyone can read its blobs.",
      absent: "container_access_type is not set, so the container is private.",
    }),
};
