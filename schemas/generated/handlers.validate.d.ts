// Hand-written types for the generated standalone validators (see scripts/build-schemas.ts).
import type { CompiledValidator } from "../../src/schema-problems.ts";

export declare const StartWorkflowInput: CompiledValidator;
export declare const ListTargetsInput: CompiledValidator;
export declare const ScanTargetInput: CompiledValidator;
export declare const SummarizeScanInput: CompiledValidator;
export declare const RecordFailureInput: CompiledValidator;
export declare const WriteAuditInput: CompiledValidator;
export declare const RequestApprovalInput: CompiledValidator;
