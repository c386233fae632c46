import { mkdir, readFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { writeFileAtomic } from "../local-files.ts";
import {
  ArtifactNotFoundError,
  type ArtifactRef,
  type ArtifactStore,
  checkArtifactKey,
  InvalidArtifactKeyError,
  refOf,
  toBytes,
  verifyArtifact,
} from "./artifact-store.ts";

/** Artifacts as files under one directory (embedded mode: `.plinth/artifacts`). */
export class LocalArtifactStore implements ArtifactStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, body: Uint8Array | string): Promise<ArtifactRef> {
    const path = this.pathOf(key);
    const bytes = toBytes(body);
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, bytes);
    return refOf(key, bytes);
  }

  async get(key: string, expected?: ArtifactRef): Promise<Uint8Array> {
    const path = this.pathOf(key);
    try {
      return verifyArtifact(new Uint8Array(await readFile(path)), expected);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT")
        throw new ArtifactNotFoundError(`No artifact ${key} in ${this.root}.`);
      throw error;
    }
  }

  private pathOf(key: string): string {
    checkArtifactKey(key);
    const path = resolve(join(this.root, key));
    // The key check already forbids `..`; this guards against anything it might miss.
    if (!path.startsWith(this.root + sep))
      throw new InvalidArtifactKeyError(`Artifact key ${key} leaves the store.`);
    return path;
  }
}
