import { ArtifactNotFoundError, type ArtifactStore } from "../../src/artifacts/artifact-store.ts";
import type { SpecSource } from "../../src/control/deploy/deploy-dependencies.ts";
import type { HandlerConfig } from "../config.ts";

/**
 * The artifact bucket: run artifacts, specs CI uploads, offloaded event details. Like every factory
 * here, it loads its SDK client when first called: importing a handler loads no SDK (the embedded
 * runner uses the same handlers with local stores).
 */
export async function artifactStore(config: HandlerConfig): Promise<ArtifactStore> {
  const [{ S3Client }, { S3ArtifactStore }] = await Promise.all([
    import("@aws-sdk/client-s3"),
    import("../../src/artifacts/s3-artifact-store.ts"),
  ]);
  return new S3ArtifactStore({
    client: new S3Client({ region: config.region }),
    bucket: config.artifactBucket,
  });
}

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
