import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { poolConfigFromUrl } from './database-url.js';

export type { PrismaClient };
export type Db = PrismaClient;
/** The client inside `$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
/** Either: query functions take this so they work inside or outside a transaction. */
export type DbOrTx = Db | Tx;

/** Prisma 7 through node-postgres: no native engine needed at runtime. */
export function createPrisma(databaseUrl: string, { max = 10 }: { max?: number } = {}): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ ...poolConfigFromUrl(databaseUrl), max }) });
}
