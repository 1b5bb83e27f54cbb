// A fixed piece of the intake's own work, timed alone before the intake run: reading one bench
// message (its MIME and its PDF CV's text). The machines this bench runs on differ from day to
// day (the same code has measured 41 messages/s on one and 93–107 on another), so the intake's CPU per
// message is printed beside this figure as well: the ratio between the two moves far less from
// one machine to the next than either does alone. It runs in a process of its own, before the
// run, so that neither the run's garbage nor its warmed-up code moves it.
//
//   tsx test/bench/machine-marker.ts   (one measurement; prints one JSON line)
import { extractText } from '../../src/documents/extract-text.js';
import { parseMessage } from '../../src/mail/parse-message.js';
import { applicationEmail } from '../factories/mime.js';
import { textPdf } from '../factories/pdf.js';
import { childJson } from './child-json.js';

/** CPU ms to parse one bench message and read its CV, the median of `rounds` after a warm-up. */
async function measure({ rounds = 400, warmUp = 100 } = {}): Promise<number> {
  const raw = applicationEmail({
    from: 'Candidate Marker <candidate.marker@example.org>',
    to: 'jobs+marker@example.com',
    subject: 'Application',
    attachments: [
      {
        filename: 'cv.pdf',
        contentType: 'application/pdf',
        content: textPdf([
          'Candidate Marker',
          'Senior engineer, 8 years of Postgres and TypeScript',
          'Reference number 1',
        ]),
      },
    ],
  });
  const once = async () => {
    const email = await parseMessage(raw);
    const cv = email.attachments[0]!;
    await extractText({ content: cv.content, contentType: cv.contentType });
  };
  for (let i = 0; i < warmUp; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const before = process.cpuUsage();
    await once();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** The marker, measured in a fresh process. */
export function machineMarkerMs(): Promise<number> {
  return childJson<number>('test/bench/machine-marker.ts', ['measure']);
}

if (process.argv[1]?.endsWith('machine-marker.ts') && process.argv[2] === 'measure') {
  console.log(JSON.stringify(await measure()));
}
