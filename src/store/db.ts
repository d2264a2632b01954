import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.js";

/** The database or a transaction on it: repositories work in either. */
export type Db = Kysely<Database> | Transaction<Database>;
