import middy from "@middy/core";
import { Input } from "../schemas/generated/handlers/list-targets.validate.js";
import { StoreTargetSource } from "../src/control/target-records.ts";
import type { Target, TargetScope, TargetSource } from "../src/control/targets.ts";
import { stateStore } from "./aws/state.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, validInput } from "./middleware.ts";

export interface ListTargetsDependencies {
  targets: TargetSource;
}

interface ListTargetsEvent {
  detail: TargetScope & { kind: "drift" | "cost" };
}

/** First step of scheduled-scan: the environments to scan (all, or the app/env the event names). */
export function createListTargetsHandler(deps: Provide<ListTargetsDependencies>) {
  return middy<ListTargetsEvent, { kind: string; count: number; targets: Target[] }>()
    .use(validInput(Input, "list-targets"))
    .handler(async ({ detail }) => {
      const scope: TargetScope = {
        ...(detail.app ? { app: detail.app } : {}),
        ...(detail.env ? { env: detail.env } : {}),
      };
      const targets = await (await deps()).targets.list(scope);
      return { kind: detail.kind, count: targets.length, targets };
    });
}

export const handler = createListTargetsHandler(
  lazy(async () => ({ targets: new StoreTargetSource(await stateStore(readConfig())) })),
);
