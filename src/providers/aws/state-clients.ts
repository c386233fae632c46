import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { S3Client } from "@aws-sdk/client-s3";
import type { AwsConfig } from "./aws-config.ts";
import { createClient, type SdkClient } from "./create-client.ts";

/**
 * The two clients the DynamoDB state store calls, set up like AwsClients' (errors mapped, retries,
 * endpoints) without loading the other services' SDKs: what a control-plane function that only
 * reads and writes state carries. S3 loads with the first body too large for an item. No role is
 * assumed: the function's own role owns the table.
 */
export class StateClients {
  readonly config: AwsConfig;
  #dynamodb: (DynamoDBClient & SdkClient) | undefined;
  #s3: (S3Client & SdkClient) | undefined;

  constructor(config: AwsConfig) {
    this.config = config;
  }

  get region(): string {
    return this.config.region;
  }

  dynamodb = (): DynamoDBClient => {
    this.#dynamodb ??= createClient(DynamoDBClient, "dynamodb", this.config, this.config.credentials);
    return this.#dynamodb;
  };

  s3 = async (): Promise<S3Client> => {
    if (!this.#s3) {
      const { S3Client } = await import("@aws-sdk/client-s3");
      const pathStyle = (this.config.serviceEndpoints?.s3 ?? this.config.endpoint) !== undefined;
      this.#s3 ??= createClient(S3Client, "s3", this.config, this.config.credentials, {
        forcePathStyle: pathStyle,
      });
    }
    return this.#s3;
  };

  destroy(): void {
    this.#dynamodb?.destroy();
    this.#s3?.destroy();
    this.#dynamodb = this.#s3 = undefined;
  }
}
