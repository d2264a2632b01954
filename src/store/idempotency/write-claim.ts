import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** The key a request holds while it runs: the write's transaction marks it written. */
export interface WriteClaim {
  scope: string;
  key: string;
  owner: string;
}

/** Per request: filled in once the request has claimed its Idempotency-Key. */
export interface WriteClaimSlot {
  claim?: WriteClaim;
}

/**
 * Carries the request's claim to the store's transactions without threading it through every
 * command's signature (other callers of the store keep their signatures).
 */
export const writeClaims = new AsyncLocalStorage<WriteClaimSlot>();

/** This process, as the owner of the keys it runs: a restart is another owner. */
export const PROCESS_OWNER = `${process.pid}:${randomUUID()}`;
