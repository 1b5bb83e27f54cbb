import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dryRun } from '../../src/cli/dry-run-command.js';
import { appleMailForward, applicationEmail } from '../factories/mime.js';
import { scannedPdf, textPdf } from '../factories/pdf.js';
import { CORPUS, HAS_CORPUS } from '../setup/corpus.js';

describe('intake dry run', () => {
  it('prints what Justin would do with each message in a directory, touching nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'justin-dry-'));
    await writeFile(
      path.join(dir, 'a.eml'),
      applicationEmail({
        subject: 'Backend Engineer',
        attachments: [{ filename: 'scan.pdf', contentType: 'application/pdf', content: scannedPdf() }],
      }),
    );
    await writeFile(
      path.join(dir, 'b.eml'),
      applicationEmail({ headers: ['Auto-Submitted: auto-replied'], subject: 'Out of office' }),
    );
    const result = (await dryRun({
      target: dir,
      mailbox: 'jobs@example.com',
      rolesJson: JSON.stringify([
        { id: 'be', title: 'Backend Engineer' },
        { id: 'pm', title: 'Product Manager' },
      ]),
    })) as Array<Record<string, any>>;
    expect(result.map((r) => path.basename(r.file))).toEqual(['a.eml', 'b.eml']);
    expect(result[0]).toMatchObject({
      action: 'new application',
      role: { roleId: 'be', how: 'subject' },
      sender: { address: 'ada.lovelace@example.org' },
    });
    expect(result[0]!.attachments).toMatchObject([
      { filename: 'scan.pdf', document: true, kind: 'pdf', text: { status: 'IMAGE_ONLY', pages: 1 } },
    ]);
    expect(result[1]).toMatchObject({
      action: 'ignore: auto-reply (Auto-Submitted: auto-replied)',
      automatic: { verdict: 'auto-reply', reason: 'Auto-Submitted: auto-replied' },
    });
    expect(result[0]).toMatchObject({ automatic: { verdict: 'a person' }, forward: null });
  });

  it("names a forward's original sender and the forwarder, and reads its inline CV", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'justin-dry-'));
    await writeFile(path.join(dir, 'fwd.eml'), appleMailForward({ pdf: textPdf(['Grace Hopper', 'Compilers']) }));
    const [result] = (await dryRun({ target: dir, mailbox: 'jobs@example.com' })) as Array<Record<string, any>>;
    expect(result).toMatchObject({
      sender: { address: 'grace@navy.example', name: 'Grace Hopper' },
      forward: {
        originalSender: 'Grace Hopper <grace@navy.example>',
        forwardedBy: 'rita@acme.example',
        foundIn: 'inline-text',
      },
      automatic: { verdict: 'a person' },
    });
    expect(result!.attachments).toMatchObject([
      { filename: 'CV Grace Hopper.pdf', document: true, kind: 'pdf', text: { status: 'EXTRACTED' } },
    ]);
  });

  it.skipIf(!HAS_CORPUS)('runs over a whole corpus folder of real mail', async () => {
    const result = await dryRun({
      target: path.join(CORPUS, 'email/mikel-mail/emails/multipart_report_emails'),
      mailbox: 'jobs@example.com',
    });
    expect(result.length).toBeGreaterThan(3);
    for (const r of result as Array<{ action: string }>) expect(r.action).toMatch(/^ignore: bounce/);
  });
});
