import { type CostFunction, usage, usageNumber } from "../../cost-components.ts";

/** aws_ecr_repository: image storage from usage (`storage_gb`); transfer in the region is free. */
export const ecrRepositoryCost: CostFunction = (ctx) => ({
  components: [
    usage("Storage", "GB", { service: "AmazonECR", key: "storage" }, usageNumber(ctx, "storage_gb")),
  ],
});
