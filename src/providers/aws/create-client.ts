import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import type { AwsConfig, AwsService } from "./aws-config.ts";
import { mapAwsError } from "./map-aws-error.ts";

/** What plinth needs of any AWS SDK v3 client. */
export type SdkClient = {
  middlewareStack: {
    add: (m: unknown, o: unknown) => void;
    addRelativeTo: (m: unknown, o: unknown) => void;
  };
  destroy: () => void;
};

/**
 * One SDK client as plinth uses them: region, endpoint (AWS_ENDPOINT_URL[_<SERVICE>]), the SDK's retry
 * (adaptive by default), plinth's error mapping (stable names, request ids) and an attempt log for
 * --debug. `onAttempt` counts HTTP attempts, for benchmarks.
 */
export function createClient<T>(
  Client: new (config: never) => T,
  service: AwsService,
  config: AwsConfig,
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined,
  extra: object = {},
  onAttempt: () => void = () => undefined,
): T & SdkClient {
  const endpoint = config.serviceEndpoints?.[service] ?? config.endpoint;
  const client = new Client({
    region: config.region,
    maxAttempts: config.maxAttempts ?? 5,
    retryMode: config.retryMode ?? "adaptive",
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { credentials } : {}),
    ...extra,
  } as never) as T & SdkClient;
  instrument(client, service, config, endpoint, onAttempt);
  return client;
}

function instrument(
  client: SdkClient,
  service: AwsService,
  config: AwsConfig,
  endpoint: string | undefined,
  onAttempt: () => void,
): void {
  const debug = config.debug;
  // Outermost: every error leaves the client as a plinth error, after the SDK's retries.
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string; clientName?: string }) =>
      async (args: unknown) => {
        try {
          return await next(args);
        } catch (error) {
          throw mapAwsError(error, {
            service: serviceName(context.clientName, service),
            operation: operationName(context.commandName),
            region: config.region,
            ...(endpoint ? { endpoint } : {}),
          });
        }
      },
    { step: "initialize", name: "plinthErrorMapping", priority: "high" },
  );
  // Inside the retry loop: one line per attempt.
  client.middlewareStack.addRelativeTo(
    (
      next: (args: unknown) => Promise<{ response?: { statusCode?: number } }>,
      context: { commandName?: string },
    ) =>
      async (args: unknown) => {
        onAttempt();
        const started = performance.now();
        const operation = `${service}:${operationName(context.commandName)}`;
        try {
          const result = await next(args);
          debug?.(
            `aws ${operation} ${result.response?.statusCode ?? "?"} ${Math.round(performance.now() - started)}ms`,
          );
          return result;
        } catch (error) {
          const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
          debug?.(
            `aws ${operation} failed ${e.$metadata?.httpStatusCode ?? ""} ${e.name ?? "Error"} after ${Math.round(performance.now() - started)}ms (the SDK retries transient errors)`,
          );
          throw error;
        }
      },
    { relation: "after", toMiddleware: "retryMiddleware", name: "plinthAttemptLog" },
  );
}

function serviceName(clientName: string | undefined, fallback: string): string {
  return clientName?.replace(/Client$/, "") ?? fallback;
}

function operationName(commandName: string | undefined): string {
  return commandName?.replace(/Command$/, "") ?? "request";
}
