import type { ComponentLowerings } from "../context.ts";
import { lowerAzureBucket } from "./bucket.ts";
import { lowerAzureDatabase } from "./database.ts";
import { lowerAzureNetwork } from "./network.ts";
import { lowerAzureQueue } from "./queue.ts";
import { lowerAzureSecret } from "./secret.ts";
import { lowerAzureVm } from "./vm.ts";

export const AZURE_LOWERINGS: ComponentLowerings = {
  network: lowerAzureNetwork,
  bucket: lowerAzureBucket,
  database: lowerAzureDatabase,
  vm: lowerAzureVm,
  queue: lowerAzureQueue,
  secret: lowerAzureSecret,
};
