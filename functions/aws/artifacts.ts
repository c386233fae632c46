import { S3Client } from "@aws-sdk/client-s3";
import { ArtifactNotFoundError, type ArtifactStore } from "../../src/artifacts/artifact-store.ts";
import { S3ArtifactStore } from "../../src/artifacts/s3-artifact-store.ts";
import type { SpecSource } from "../../src/control/deploy/deploy-dependencies.ts";
import type { HandlerConfig } from "../config.ts";

/** The artifact bucket: run artifacts, specs CI uploads, offloaded event details. */
export const artifactStore = (config: HandlerConfig) =>
  new S3ArtifactStore({ client: new S3Client({ region: config.region }), bucket: config.artifactBucket });

/** Specs are artifacts: CI uploads plinth.yaml (and plinth-policy.yaml beside it) and names its key. */
export const specSource = (artifacts: ArtifactStore): SpecSource => ({
  read: (key) =>
    artifacts.get(key).then(
      (bytes) => new TextDecoder().decode(bytes),
      (error: unknown) => {
        if (error instanceof ArtifactNotFoundError) return undefined;
        throw error;
      },
    ),
});
