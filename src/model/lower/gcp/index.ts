import type { ComponentLowerings } from "../context.ts";
import { lowerGcpBucket } from "./bucket.ts";
import { lowerGcpDatabase } from "./database.ts";
import { lowerGcpNetwork } from "./network.ts";
import { lowerGcpQueue } from "./queue.ts";
import { lowerGcpSecret } from "./secret.ts";
import { lowerGcpVm } from "./vm.ts";

export const GCP_LOWERINGS: ComponentLowerings = {
  network: lowerGcpNetwork,
  bucket: lowerGcpBucket,
  database: lowerGcpDatabase,
  vm: lowerGcpVm,
  queue: lowerGcpQueue,
  secret: lowerGcpSecret,
};
