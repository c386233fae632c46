import type { Value } from "../../../model/value.ts";
import { type ArmMapping, defined, ID, NAME } from "../../arm-mapping.ts";

export const linuxVirtualMachine: ArmMapping = {
  type: "Microsoft.Compute/virtualMachines",
  apiVersion: "2024-07-01",
  body: (args, node) => {
    const admin = args.get("admin_username");
    const key = args.block("admin_ssh_key");
    const image = args.block("source_image_reference");
    const imageId = args.get("source_image_id");
    const disk = args.block("os_disk");
    const zone = args.get("zone");
    const identity = args.block("identity");
    const nics = args.get("network_interface_ids");
    args.get("boot_diagnostics");
    return {
      ...(zone !== undefined ? { zones: [zone] } : {}),
      ...(identity.type !== undefined ? { identity: { type: identity.type } } : {}),
      properties: defined({
        hardwareProfile: { vmSize: args.get("size") ?? null },
        osProfile: defined({
          computerName: node.properties.name,
          adminUsername: admin,
          customData: args.get("custom_data"),
          linuxConfiguration: defined({
            disablePasswordAuthentication: args.get("disable_password_authentication"),
            ssh:
              key.public_key === undefined
                ? undefined
                : {
                    publicKeys: [
                      {
                        path: `/home/${key.username ?? admin}/.ssh/authorized_keys`,
                        keyData: key.public_key,
                      },
                    ],
                  },
            patchSettings: defined({
              patchMode: args.get("patch_mode"),
              assessmentMode: args.get("patch_assessment_mode"),
            }),
          }),
        }),
        securityProfile: defined({
          encryptionAtHost: args.get("encryption_at_host_enabled"),
          securityType: "TrustedLaunch",
          uefiSettings: defined({
            secureBootEnabled: args.get("secure_boot_enabled"),
            vTpmEnabled: args.get("vtpm_enabled"),
          }),
        }),
        // An empty boot_diagnostics block: Azure's managed storage account.
        diagnosticsProfile: { bootDiagnostics: { enabled: true } },
        storageProfile: defined({
          imageReference:
            imageId !== undefined
              ? { id: imageId }
              : defined({
                  publisher: image.publisher,
                  offer: image.offer,
                  sku: image.sku,
                  version: image.version,
                }),
          osDisk: defined({
            createOption: "FromImage",
            caching: disk.caching,
            managedDisk: defined({ storageAccountType: disk.storage_account_type }),
            diskSizeGB: disk.disk_size_gb,
          }),
        }),
        networkProfile: { networkInterfaces: (Array.isArray(nics) ? nics : []).map((id): Value => ({ id })) },
      }),
    };
  },
  attributes: { id: ID, name: NAME, "identity[0].principal_id": { full: "identity.principalId" } },
};
