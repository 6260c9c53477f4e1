/** What every query takes first: the database, or a transaction on it. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type Executor = Kysely<Database>;
