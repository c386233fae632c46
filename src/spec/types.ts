import type { SourceLocation } from "../errors.ts";
import type { Cloud } from "../model/graph.ts";
import type { ComponentRef, SpecValue } from "./expressions.ts";
import type { SourceMap } from "./source-map.ts";

export const COMPONENT_TYPES = ["network", "bucket", "database", "vm", "queue", "secret", "native"] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];
export type Size = "small" | "medium" | "large";

export interface SubnetSpec {
  cidr: string;
  public?: boolean;
  zone?: "a" | "b" | "c";
}

export interface NetworkProps {
  cidr: string;
  subnets?: Record<string, SubnetSpec>;
  nat?: boolean;
  flowLogs?: boolean;
}

export interface BucketProps {
  versioning?: boolean;
  public?: boolean;
  expireAfterDays?: number;
  forceDestroy?: boolean;
}

export interface DatabaseProps {
  engine: "postgres" | "mysql";
  version?: string;
  size?: Size;
  storageGb?: number;
  network: ComponentRef;
  highAvailability?: boolean;
  backupRetentionDays?: number;
  deletionProtection?: boolean;
}

export interface IngressRule {
  port: number;
  toPort?: number;
  protocol?: "tcp" | "udp";
  cidr: string;
}

export interface VmProps {
  size?: Size;
  image?: string;
  network: ComponentRef;
  subnet?: string;
  diskGb?: number;
  ingress?: IngressRule[];
  env?: Record<string, SpecValue>;
}

export interface QueueProps {
  fifo?: boolean;
  retentionDays?: number;
  visibilityTimeoutSeconds?: number;
  deadLetter?: boolean;
}

export interface SecretProps {
  description?: string;
}

export interface NativeProps {
  resource: string;
  properties?: Record<string, SpecValue>;
}

interface ComponentOf<T extends ComponentType, P> {
  name: string;
  type: T;
  props: P;
  /** The component's own tags (merged over the app's and environment's by lowering). */
  tags: Record<string, string>;
  dependsOn: string[];
  location: SourceLocation;
  /** JSON pointer of the component in the document, for locating its properties. */
  pointer: string;
}

export type NetworkComponent = ComponentOf<"network", NetworkProps>;
export type BucketComponent = ComponentOf<"bucket", BucketProps>;
export type DatabaseComponent = ComponentOf<"database", DatabaseProps>;
export type VmComponent = ComponentOf<"vm", VmProps>;
export type QueueComponent = ComponentOf<"queue", QueueProps>;
export type SecretComponent = ComponentOf<"secret", SecretProps>;
export type NativeComponent = ComponentOf<"native", NativeProps>;
export type Component =
  | NetworkComponent
  | BucketComponent
  | DatabaseComponent
  | VmComponent
  | QueueComponent
  | SecretComponent
  | NativeComponent;

export interface DisasterRecovery {
  region: string;
  rpoMinutes?: number;
  rtoMinutes?: number;
}

/** plinth.yaml for one environment: overrides merged, references parsed, checks passed. */
export interface ResolvedSpec {
  file: string;
  app: string;
  env: string;
  cloud: Cloud;
  region: string;
  production: boolean;
  approval: boolean;
  roleArn?: string;
  dr?: DisasterRecovery;
  /** App tags, then environment tags. */
  tags: Record<string, string>;
  /** In document order. */
  components: Component[];
  outputs: Record<string, SpecValue>;
  /** Positions of every value, overrides included, for errors found after resolution. */
  sources: SourceMap;
}
