import type { AccessKeyRecord } from './records.js';

/** Where and as whom to reach an account's data: its stamp's front-ends and a key they serve for it. */
export interface EraseTarget {
  account: string;
  frontEndEndpoints: readonly string[];
  key: AccessKeyRecord;
}

export interface EraseResult {
  containers: number;
  blobs: number;
}

/** Reads and removes an account's data in its stamp. */
export interface AccountEraser {
  /** Whether the account holds no container. */
  isEmpty(target: EraseTarget): Promise<boolean>;
  /** Deletes every blob and container of the account; safe to repeat after an interruption. */
  erase(target: EraseTarget): Promise<EraseResult>;
}
