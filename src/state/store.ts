import type {
  AuditRecord,
  Checkpoint,
  JournalEntry,
  LockInfo,
  LockRequest,
  PutRecordOptions,
  StateKey,
  StoredRecord,
  VersionSummary,
} from "./types.ts";

/**
 * Where plinth keeps state, locks and audit records. Two implementations pass one contract suite
 * (test/integration/state/store-contract.ts): the local file store (`.plinth/`) and the DynamoDB store.
 * Every write is atomic; versions and audit records are written once and never changed.
 */
export interface StateStore {
  /** `local .plinth` or `dynamodb table plinth-state`: for messages. */
  readonly description: string;

  /** The newest version's number, 0 before the first apply. */
  latestVersion(key: StateKey): Promise<number>;
  /** A version (the newest when `version` is omitted), or undefined when there is none. */
  readCheckpoint(key: StateKey, version?: number): Promise<Checkpoint | undefined>;
  /** Every version, oldest first. */
  listVersions(key: StateKey): Promise<VersionSummary[]>;
  /**
   * Writes `checkpoint` as version `checkpoint.version`, which must be the newest plus one; otherwise
   * VersionConflictError and nothing is written.
   */
  commitCheckpoint(key: StateKey, checkpoint: Checkpoint): Promise<void>;

  /** Durably appends entries (all or none) to the journal of the apply in progress. */
  appendJournal(key: StateKey, entries: JournalEntry[]): Promise<void>;
  readJournal(key: StateKey): Promise<JournalEntry[]>;
  /** Removes journal entries on top of versions up to `throughVersion`: they are in a checkpoint now. */
  clearJournal(key: StateKey, throughVersion: number): Promise<void>;

  /** Takes the write lock, or fails with LockHeldError naming the holder and since when. */
  acquireLock(key: StateKey, request: LockRequest): Promise<LockInfo>;
  /** Extends the lease of a lock this caller holds. */
  renewLock(key: StateKey, lock: LockInfo): Promise<LockInfo>;
  releaseLock(key: StateKey, lock: LockInfo): Promise<void>;
  readLock(key: StateKey): Promise<LockInfo | undefined>;

  /** Appends an audit record; an existing id is refused (RecordExistsError), never overwritten. */
  appendAudit(key: StateKey, record: AuditRecord): Promise<void>;
  listAudit(key: StateKey): Promise<AuditRecord[]>;

  putRecord(record: StoredRecord, options?: PutRecordOptions): Promise<void>;
  getRecord(collection: string, id: string): Promise<StoredRecord | undefined>;
  listRecords(collection: string): Promise<StoredRecord[]>;
  deleteRecord(collection: string, id: string): Promise<void>;
}
