import type { ArtifactStore } from "../../artifacts/artifact-store.ts";
import type { EngineEvent } from "../../engine/engine-events.ts";
import type { Plan } from "../../engine/plan-types.ts";
import type { HandlerRegistry } from "../../engine/resource-handler.ts";
import type { SpecDocuments } from "../../spec/spec-documents.ts";
import type { StateStore } from "../../state/store.ts";

/** Where an environment's resources are: its region, and the role to act through. */
export interface DeployTarget {
  region: string;
  roleArn?: string | undefined;
}

/**
 * The resource handlers for `types` acting in `target` (built-in types always; cloud types with
 * clients for that region and role). Embedded: the caller's credentials; in the cloud: the role only.
 */
export type ResourceHandlersFor = (types: Iterable<string>, target: DeployTarget) => Promise<HandlerRegistry>;

/** Where specs are read: files under a root embedded, artifacts in the cloud. */
export interface SpecSource {
  /** The text at `path`, or undefined when there is none. */
  read(path: string): Promise<string | undefined>;
}

/** What every deploy step uses: the state store (state, audit, records) and the artifact store. */
export interface StepDependencies {
  store: StateStore;
  artifacts: ArtifactStore;
  now: () => Date;
  /** Where steps parse specs: shared by the steps of one process (default: each parses its own). */
  documents?: SpecDocuments;
}

/** What the steps that run the engine (plan, apply, verify, rollback) use besides. */
export interface EngineDependencies extends StepDependencies {
  resources: ResourceHandlersFor;
  /** Values of the graph's inputs: the CLI's --var embedded; none in the cloud. */
  variables?: Readonly<Record<string, string>>;
  parallelism?: number;
  /** Embedded: the CLI shows the plan as soon as it is made… */
  onPlan?: (plan: Plan) => void;
  /** …and a progress line per resource while applying. */
  onEngineEvent?: (event: EngineEvent) => void;
}
