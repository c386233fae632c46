import type { ComponentLowerings } from "../context.ts";

// Placeholder while the azure lowerings are written.
const pending = (): never => {
  throw new Error("azure lowering is not written yet");
};

export const AZURE_LOWERINGS: ComponentLowerings = {
  network: pending,
  bucket: pending,
  database: pending,
  vm: pending,
  queue: pending,
  secret: pending,
};
