import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { extractText, sniffKind } from '../documents/extract-text.js';
import { describeMessage } from '../domain/intake/describe-message.js';
import type { OpenRole } from '../domain/intake/resolve-role.js';
import { parseMessage } from '../mail/parse-message.js';

// What Justin would do with each message, as JSON. Reads files only: nothing is written,
// no service is called. Roles come from a JSON file (as /hire role would have them), so the
// role decision can be tried without a database.

export const DRY_RUN_USAGE =
  'usage: npm run intake:dry-run -- <file.eml | directory> [--mailbox jobs@example.com] [--roles roles.json]\n' +
  '  roles.json: [{ "id": "backend", "title": "Backend Engineer", "intakeTag": "backend" }, …]';

const ZRoles = z.array(z.object({ id: z.string(), title: z.string(), intakeTag: z.string().nullable().default(null) }));

export async function dryRun({
  target,
  mailbox,
  rolesJson,
}: {
  target: string;
  mailbox: string;
  rolesJson?: string | undefined;
}): Promise<object[]> {
  const roles: OpenRole[] = rolesJson ? ZRoles.parse(JSON.parse(rolesJson)) : [];
  const files = (await stat(target)).isDirectory()
    ? (await readdir(target, { recursive: true }))
        .map((f) => path.join(target, f))
        .filter((f) => /\.(eml|msg|txt)$/i.test(f))
        .sort()
    : [target];
  const out: object[] = [];
  for (const file of files) out.push({ file, ...(await explain(await readFile(file), { mailbox, roles })) });
  return out;
}

async function explain(raw: Buffer, { mailbox, roles }: { mailbox: string; roles: OpenRole[] }): Promise<object> {
  const email = await parseMessage(raw);
  const reading = describeMessage(email, { mailbox, roles });
  const action = reading.automatic.automatic
    ? `ignore: ${reading.automatic.kind} (${reading.automatic.reason})`
    : reading.ownMessage
      ? 'ignore: sent by the recruiting mailbox'
      : !reading.sender
        ? reading.forwardedBy
          ? 'keep and flag: a forward whose original sender has no readable address'
          : 'keep and flag: no sender address'
        : reading.isReply
          ? 'attach to its thread if known (In-Reply-To/References), else treat as a new application'
          : reading.role.roleId
            ? 'new application'
            : `ask the team which role (${'why' in reading.role ? reading.role.why : ''})`;
  return {
    messageId: email.messageId ?? null,
    action,
    sender: reading.sender ?? null,
    forwardedBy: reading.forwardedBy ?? null,
    // A forward: who sent the original (the applicant), who forwarded it, and where the original was found.
    forward: reading.forwardedBy
      ? {
          originalSender: reading.sender ? `${reading.sender.name} <${reading.sender.address}>` : null,
          forwardedBy: reading.forwardedBy,
          foundIn: reading.forwardFound,
        }
      : null,
    subject: reading.subject,
    // The automatic-mail verdict with the sign it rests on, so a person can check it against the headers.
    automatic: reading.automatic.automatic
      ? { verdict: reading.automatic.kind, reason: reading.automatic.reason }
      : { verdict: 'a person', reason: 'no automatic-mail header, report, null sender or bounce text' },
    role: reading.role,
    replyText: reading.replyText,
    attachments: await Promise.all(
      [...email.attachments, ...email.attachedMessages.flatMap((m) => m.attachments)].map(async (a) => {
        const isDocument = reading.documents.includes(a);
        const text = isDocument ? await extractText({ content: a.content, contentType: a.contentType }) : undefined;
        return {
          filename: a.filename,
          contentType: a.contentType,
          size: a.size,
          sha256: a.sha256,
          kind: sniffKind(a.content, a.contentType),
          document: isDocument,
          ...(text
            ? {
                text: {
                  status: text.status,
                  ...('text' in text ? { chars: text.text.length } : {}),
                  ...('pages' in text ? { pages: text.pages } : {}),
                  ...('reason' in text ? { reason: text.reason } : {}),
                },
              }
            : {}),
        };
      }),
    ),
    problems: email.problems,
  };
}
