import { type CostFunction, num, prop, str } from "../../cost-components.ts";
import { diskLine } from "../compute-instance/cost.ts";

/**
 * google_compute_disk and google_compute_region_disk: GB-months by type (default pd-standard). Without
 * a size, a disk from an image is assumed to be 10 GB and a blank disk 500 GB (the API's default).
 */
export const computeDiskCost: CostFunction = (ctx) => {
  const regional = ctx.node.type === "google_compute_region_disk";
  const size = num(ctx, "size");
  const fromSource = prop(ctx, "image") !== undefined || prop(ctx, "snapshot") !== undefined;
  const line = diskLine(
    "Storage",
    str(ctx, "type") ?? "pd-standard",
    size ?? (fromSource ? 10 : 500),
    1,
    regional,
  );
  if (size === undefined)
    line.note = fromSource
      ? "size not set: the image's 10 GB assumed"
      : "size not set: the API's 500 GB default assumed";
  return { components: [line] };
};
