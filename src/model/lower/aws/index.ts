import type { ComponentLowerings } from "../context.ts";
import { lowerAwsBucket } from "./bucket.ts";
import { lowerAwsDatabase } from "./database.ts";
import { lowerAwsNetwork } from "./network.ts";
import { lowerAwsQueue } from "./queue.ts";
import { lowerAwsSecret } from "./secret.ts";
import { lowerAwsVm } from "./vm.ts";

export const AWS_LOWERINGS: ComponentLowerings = {
  network: lowerAwsNetwork,
  bucket: lowerAwsBucket,
  database: lowerAwsDatabase,
  vm: lowerAwsVm,
  queue: lowerAwsQueue,
  secret: lowerAwsSecret,
};
