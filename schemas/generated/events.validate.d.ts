// Hand-written types for the generated standalone validators (see scripts/build-schemas.ts).
import type { CompiledValidator } from "../../src/schema-problems.ts";

export declare const Envelope: CompiledValidator;
export declare const DeployRequested: CompiledValidator;
export declare const DestroyRequested: CompiledValidator;
export declare const ScanRequested: CompiledValidator;
export declare const RollbackRequested: CompiledValidator;
export declare const DrFailoverRequested: CompiledValidator;
export declare const PullRequestChanged: CompiledValidator;
export declare const DeploySucceeded: CompiledValidator;
export declare const DeployFailed: CompiledValidator;
export declare const DestroySucceeded: CompiledValidator;
export declare const DestroyFailed: CompiledValidator;
export declare const PolicyViolations: CompiledValidator;
export declare const BudgetExceeded: CompiledValidator;
export declare const ApprovalRequested: CompiledValidator;
export declare const ScanCompleted: CompiledValidator;
