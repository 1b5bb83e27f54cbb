import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { poolConfigFromUrl } from './database-url.js';

export type { PrismaClient };
export type Db = PrismaClient;
/** The client inside `$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
/** Either: query functions take this so they work inside or outside a transaction. */
export type DbOrTx = Db | Tx;

/**
 * Session settings for every connection. Fuzzy candidate search uses pg_trgm's `<%`
 * operator, whose cut-off is this setting: the default 0.6 misses one-letter typos
 * ("turnig" for Turing scores 0.43); 0.4 finds them and still uses the index.
 */
const SESSION_OPTIONS = '-c pg_trgm.word_similarity_threshold=0.4';

/** Prisma 7 through node-postgres: no native engine needed at runtime. */
export function createPrisma(databaseUrl: string, { max = 10 }: { max?: number } = {}): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ ...poolConfigFromUrl(databaseUrl), max, options: SESSION_OPTIONS }) });
}
