import middy from "@middy/core";
import { Input } from "../schemas/generated/handlers/scan-target.validate.js";
import { ProviderSchemas } from "../src/catalog/provider-schemas.ts";
import {
  type ScanDependencies,
  type ScanKind,
  type ScanResult,
  scanTarget,
} from "../src/control/scan-target.ts";
import type { Target } from "../src/control/targets.ts";
import { SnapshotPrices } from "../src/cost/prices/snapshot.ts";
import { artifactStore } from "./aws/artifacts.ts";
import { eventPublisher } from "./aws/bus.ts";
import { now } from "./aws/clock.ts";
import { stateStore } from "./aws/state.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, validInput } from "./middleware.ts";

/** One Map iteration of scheduled-scan: scans one target. */
export function createScanTargetHandler(deps: Provide<ScanDependencies>) {
  return middy<{ kind: ScanKind; runId: string; target: Target }, ScanResult>()
    .use(validInput(Input, "scan-target"))
    .handler(async ({ kind, runId, target }) => scanTarget({ kind, runId }, target, await deps()));
}

export const handler = createScanTargetHandler(
  lazy(async () => {
    const config = readConfig();
    const artifacts = await artifactStore(config);
    return {
      readSpec: async (key: string) => new TextDecoder().decode(await artifacts.get(key)),
      schemas: new ProviderSchemas(),
      prices: SnapshotPrices.load(config.priceSnapshot),
      store: await stateStore(config),
      publisher: eventPublisher(config),
      now,
    };
  }),
);
