// Hand-written types for the generated standalone validators (see scripts/build-schemas.ts).
import type { CompiledValidator } from "../../src/schema-problems.ts";

export declare const StartWorkflowInput: CompiledValidator;
export declare const ListTargetsInput: CompiledValidator;
export declare const ScanTargetInput: CompiledValidator;
export declare const SummarizeScanInput: CompiledValidator;
export declare const RecordFailureInput: CompiledValidator;
export declare const WriteAuditInput: CompiledValidator;
export declare const RequestApprovalInput: CompiledValidator;
export declare const CodegenInput: CompiledValidator;
export declare const CodegenOutput: CompiledValidator;
export declare const PolicyCheckInput: CompiledValidator;
export declare const PolicyCheckOutput: CompiledValidator;
export declare const CostEstimateInput: CompiledValidator;
export declare const CostEstimateOutput: CompiledValidator;
export declare const PlanInput: CompiledValidator;
export declare const PlanOutput: CompiledValidator;
export declare const CheckpointInput: CompiledValidator;
export declare const CheckpointOutput: CompiledValidator;
export declare const ApplyInput: CompiledValidator;
export declare const ApplyOutput: CompiledValidator;
export declare const DestroyInput: CompiledValidator;
export declare const DestroyOutput: CompiledValidator;
export declare const VerifyInput: CompiledValidator;
export declare const VerifyOutput: CompiledValidator;
export declare const RollbackInput: CompiledValidator;
export declare const RollbackOutput: CompiledValidator;
