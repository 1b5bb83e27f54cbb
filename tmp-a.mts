import { readFileSync } from 'node:fs';
import { parseMessage } from './src/mail/parse-message.ts';
for (const f of process.argv.slice(2)) {
  const m = await parseMessage(readFileSync(f));
  console.log(f, m.from, m.subject, m.contentType);
  console.log(m.attachments.map(a => [a.filename, a.contentType, a.inline, a.size, a.content.subarray(0,5).toString('latin1')]));
  console.log(JSON.stringify((m.text??'').slice(0,600)));
}
