import type { ResourceHandlersFor } from "../../src/control/deploy/deploy-dependencies.ts";
import { DeployRoleRequiredError } from "../../src/control/deploy/errors.ts";
import { handlersFor } from "../../src/engine/handler-registry.ts";
import type { AwsClients } from "../../src/providers/aws/aws-clients.ts";
import type { HandlerConfig } from "../config.ts";
import { artifactStore } from "./artifacts.ts";
import { now } from "./clock.ts";
import { stateStore } from "./state.ts";

/**
 * Resource handlers acting through the environment's role only: the functions hold no permissions on
 * resources, so an AWS environment without `roleArn` is refused. The AWS SDK's clients load with the
 * first plan that has AWS types; one set per region and role for the life of the container (the
 * role's credentials refresh themselves).
 */
export const resourceHandlers = (): ResourceHandlersFor => {
  const clients = new Map<string, AwsClients>();
  return (types, target) =>
    handlersFor(types, async () => {
      const { region, roleArn } = target;
      if (!roleArn)
        throw new DeployRoleRequiredError(
          "The environment has no roleArn: the control plane deploys AWS resources only by assuming the environment's role.",
          { hint: "Set `roleArn` on the environment in plinth.yaml (a role the control plane may assume)." },
        );
      const { AwsClients } = await import("../../src/providers/aws/aws-clients.ts");
      const key = `${region} ${roleArn}`;
      const bound = clients.get(key) ?? new AwsClients({ region, roleArn });
      clients.set(key, bound);
      return { clients: bound, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
    });
};

/** What the steps that run the engine need in the cloud (no --var: inputs come from references). */
export async function engineDependencies(config: HandlerConfig) {
  const [store, artifacts] = await Promise.all([stateStore(config), artifactStore(config)]);
  return { store, artifacts, resources: resourceHandlers(), now };
}
