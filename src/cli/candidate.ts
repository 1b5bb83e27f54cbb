// npm run candidate -- export <email>           prints everything Justin holds about the candidate, as JSON
// npm run candidate -- erase <email> --yes       erases them (see services/candidates/erase-candidate.ts)
// Uses DATABASE_URL, or the embedded database in .data/pg that `npm start` uses.
import { resolveDatabase } from '../db/resolve-database.js';
import { createPrisma } from '../db/prisma.js';
import { createBoss } from '../jobs/boss.js';
import { createLogger } from '../logger.js';
import { eraseCandidate } from '../services/candidates/erase-candidate.js';
import { exportCandidate } from '../services/candidates/export-candidate.js';
import { normaliseEmail } from '../domain/intake/normalise-email.js';

const USAGE = 'usage: npm run candidate -- export <email>\n       npm run candidate -- erase <email> --yes';
const [verb, address, ...rest] = process.argv.slice(2);
if (!verb || !address || !['export', 'erase'].includes(verb)) {
  console.error(USAGE);
  process.exit(2);
}
if (verb === 'erase' && !rest.includes('--yes')) {
  console.error(`Erasing cannot be undone. Run again with --yes to erase ${address}.`);
  process.exit(2);
}

const db = await resolveDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '.data/pg', log: () => {} });
const prisma = createPrisma(db.url, { max: 2 });
try {
  const candidate = await prisma.candidate.findUnique({
    where: { email: normaliseEmail(address) },
    select: { id: true },
  });
  if (!candidate) {
    console.error(`No candidate with the address ${address}.`);
    process.exitCode = 1;
  } else if (verb === 'export') {
    process.stdout.write(`${JSON.stringify(await exportCandidate(prisma, { candidateId: candidate.id }), null, 2)}\n`);
  } else {
    // The erasure queues its follow-ups (calendar cancellations, card refreshes) like any change.
    const boss = createBoss({ databaseUrl: db.url, log: createLogger({ level: 'warn' }), schedule: false, max: 2 });
    await boss.start();
    try {
      const report = await eraseCandidate(
        { prisma, boss },
        { candidateId: candidate.id, actorId: `cli:${process.env.USER ?? 'operator'}` },
      );
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } finally {
      await boss.stop({ graceful: true });
    }
  }
} finally {
  await prisma.$disconnect();
  await db.stop();
}
