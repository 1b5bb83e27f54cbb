import { createHash } from 'node:crypto';
import type { PrismaClient } from '../db/prisma.js';

// Identical model requests are answered once: from the database cache (any process, any
// time) and, while the first is in flight, by sharing its promise within the process.

const inflight = new Map<string, Promise<unknown>>();

export function cacheKey(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export type Cached<T> = { value: T; cached: boolean; inputTokens: number; outputTokens: number };

export async function cachedCall<T>(
  prisma: PrismaClient,
  { key, model, ttlDays = 30 }: { key: string; model: string; ttlDays?: number },
  call: () => Promise<{ value: T; inputTokens: number; outputTokens: number }>,
): Promise<Cached<T>> {
  const hit = await prisma.aiCacheEntry.findUnique({ where: { key } });
  if (hit && (!hit.expiresAt || hit.expiresAt > new Date())) {
    await prisma.aiCacheEntry.update({ where: { key }, data: { hits: { increment: 1 } } });
    return { value: hit.response as T, cached: true, inputTokens: 0, outputTokens: 0 };
  }
  const running = inflight.get(key) as Promise<Cached<T>> | undefined;
  if (running !== undefined) return { ...(await running), cached: true, inputTokens: 0, outputTokens: 0 };
  const work = (async (): Promise<Cached<T>> => {
    const result = await call();
    const expiresAt = new Date(Date.now() + ttlDays * 86_400_000);
    await prisma.aiCacheEntry.upsert({
      where: { key },
      update: {
        response: result.value as object,
        inputTokens: result.inputTokens,
        outputTokens: result.outputTokens,
        expiresAt,
      },
      create: {
        key,
        model,
        response: result.value as object,
        inputTokens: result.inputTokens,
        outputTokens: result.outputTokens,
        expiresAt,
      },
    });
    return { ...result, cached: false };
  })();
  inflight.set(key, work);
  try {
    return await work;
  } finally {
    inflight.delete(key);
  }
}
