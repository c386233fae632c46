import type { ComponentLowerings } from "../context.ts";

// Placeholder while the gcp lowerings are written.
const pending = (): never => {
  throw new Error("gcp lowering is not written yet");
};

export const GCP_LOWERINGS: ComponentLowerings = {
  network: pending,
  bucket: pending,
  database: pending,
  vm: pending,
  queue: pending,
  secret: pending,
};
