/** The CLI's exit codes (DESIGN.md "CLI contract"); scripts and CI depend on them. */
export const EXIT = {
  ok: 0,
  error: 1,
  /** Changes present (`plan --detailed-exitcode`), drift found, policy failures, stale `--check`. */
  attention: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
