import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { poolConfigFromUrl } from './database-url.js';
import { preparedStatementName } from './prepared-statements.js';

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

/**
 * How long a transaction may wait for a pooled connection, and run. Prisma's defaults (2 s and
 * 5 s) fail work that is merely queued: under a burst (the intake bench's 8 workers per queue on
 * two cores) a connection is free within seconds, and a job that fails for waiting is retried
 * later at a higher cost than waiting now.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

/**
 * Prisma 7 through node-postgres: no native engine needed at runtime.
 *
 * The pool keeps every connection it opens (`min` = `max`): node-postgres closes one idle for
 * 10 s by default, and the next burst pays for a new one on the request path: authentication,
 * a new backend process, and catalog caches that start cold (measured on the embedded server:
 * 23 ms to parse and 30 ms to bind the first query of a fresh connection, and 200–300 ms of
 * `/candidate` ack tail in whichever burst first needed one more).
 */
export function createPrisma(databaseUrl: string, { max = 10 }: { max?: number } = {}): PrismaClient {
  const pool = new pg.Pool({ ...poolConfigFromUrl(databaseUrl), max, min: max, options: SESSION_OPTIONS });
  const prisma = new PrismaClient({
    // Prisma ends the pool when it disconnects, as it does one it made itself.
    adapter: new PrismaPg(pool, { statementNameGenerator: preparedStatementName, disposeExternalPool: true }),
    transactionOptions: TRANSACTION_OPTIONS,
    // Outside NODE_ENV=production Prisma defaults to a format that points at the calling line,
    // and to know it, it builds an Error (a stack trace) for every query: 2.5 % of the intake
    // bench's JavaScript thread. Our errors are logged with their own stack and Prisma's code.
    errorFormat: 'minimal',
  });
  pools.set(prisma, pool);
  // Prisma ends the pool only if it connected; one used only through direct-sql.ts is ended here.
  const disconnect = prisma.$disconnect.bind(prisma);
  prisma.$disconnect = async () => {
    await disconnect();
    if (!pool.ended) await pool.end();
  };
  return prisma;
}

const pools = new WeakMap<PrismaClient, pg.Pool>();

/** The node-postgres pool under a client made by createPrisma (see db/direct-sql.ts). */
export function poolOf(prisma: PrismaClient): pg.Pool {
  const pool = pools.get(prisma);
  if (!pool) throw new Error('this Prisma client was not made by createPrisma: it has no pool of ours');
  return pool;
}

/**
 * Opens `connections` pooled connections now, all at once (each query asks for one before any
 * returns), so a service's first burst of requests does not open them.
 */
export async function openConnections(prisma: PrismaClient, connections: number): Promise<void> {
  await Promise.all(Array.from({ length: connections }, () => prisma.$queryRaw`SELECT 1`));
}
