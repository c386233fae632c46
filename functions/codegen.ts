import * as contract from "../schemas/generated/handlers/codegen.validate.js";
import { ProviderSchemas } from "../src/catalog/provider-schemas.ts";
import {
  type CodegenDependencies,
  type CodegenStepInput,
  codegenStep,
} from "../src/control/deploy/codegen-step.ts";
import type { CodegenOutput } from "../src/control/deploy/contracts.ts";
import { artifactStore, specSource } from "./aws/artifacts.ts";
import { now } from "./aws/clock.ts";
import { stateStore } from "./aws/state.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, stepHandler } from "./middleware.ts";

/** Deploy's first step: the spec validated and lowered; spec, graph and generated code stored. */
export function createCodegenHandler(deps: Provide<CodegenDependencies>) {
  return stepHandler<CodegenStepInput, CodegenOutput>("codegen", contract, async (input) =>
    codegenStep(input, await deps()),
  );
}

export const handler = createCodegenHandler(
  lazy(async () => {
    const config = readConfig();
    const artifacts = await artifactStore(config);
    const specs = specSource(artifacts);
    return { store: await stateStore(config), artifacts, specs, schemas: new ProviderSchemas(), now };
  }),
);
