import type { DeployTarget, ResourceHandlersFor } from "../control/deploy/deploy-dependencies.ts";
import { handlersFor } from "../engine/handler-registry.ts";
import type { AwsClients } from "../providers/aws/aws-clients.ts";
import type { CliIO } from "./io.ts";

export interface AwsAccess {
  /** Clients for a region and role, from the environment's credentials (one set each, shared). */
  clients: (target: DeployTarget) => Promise<AwsClients>;
  /** Resource handlers whose AWS types act through `clients(target)`. */
  resources: ResourceHandlersFor;
  /** Closes every client's connections so the process can exit. */
  close: () => void;
}

/**
 * AWS as the CLI reaches it: credentials, endpoints and retries from the environment (AWS_PROFILE,
 * AWS_ENDPOINT_URL…), the target's role assumed with STS. The AWS SDK loads on first use only.
 */
export function awsAccess(io: CliIO, debug: ((line: string) => void) | undefined): AwsAccess {
  const opened = new Map<string, AwsClients>();
  const clients = async (target: DeployTarget) => {
    const key = `${target.region} ${target.roleArn ?? ""}`;
    let bound = opened.get(key);
    if (!bound) {
      const [{ AwsClients }, { awsConfigFromEnvironment }] = await Promise.all([
        import("../providers/aws/aws-clients.ts"),
        import("./aws-environment.ts"),
      ]);
      bound = new AwsClients(awsConfigFromEnvironment(io.env, { ...target, debug }));
      opened.set(key, bound);
    }
    return bound;
  };
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  return {
    clients,
    resources: (types, target) => handlersFor(types, async () => ({ clients: await clients(target), sleep })),
    close: () => {
      for (const bound of opened.values()) bound.destroy();
    },
  };
}
