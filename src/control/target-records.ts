import type { StateStore } from "../state/store.ts";
import type { Target, TargetScope, TargetSource } from "./targets.ts";

const TARGETS = "targets";

/**
 * The environments the control plane deploys, as records of the state store (collection `targets`,
 * by `<app>.<env>`), each with the artifact key of its last deployed plinth.yaml. The deploy
 * workflow's checkpoint registers them; scheduled scans list them.
 */
export class StoreTargetSource implements TargetSource {
  readonly #store: StateStore;

  constructor(store: StateStore) {
    this.#store = store;
  }

  async register(target: Target): Promise<void> {
    await this.#store.putRecord({
      collection: TARGETS,
      id: `${target.app}.${target.env}`,
      data: { app: target.app, env: target.env, spec: target.spec },
    });
  }

  async unregister(target: Pick<Target, "app" | "env">): Promise<void> {
    await this.#store.deleteRecord(TARGETS, `${target.app}.${target.env}`);
  }

  async list(scope: TargetScope): Promise<Target[]> {
    return (await this.#store.listRecords(TARGETS))
      .map((record) => record.data as unknown as Target)
      .filter((t) => (!scope.app || t.app === scope.app) && (!scope.env || t.env === scope.env))
      .sort((a, b) => a.app.localeCompare(b.app) || a.env.localeCompare(b.env));
  }
}
