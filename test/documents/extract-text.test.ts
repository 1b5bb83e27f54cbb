import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText, MAX_DOCUMENT_BYTES } from '../../src/documents/extract-text.js';
import { scannedPdf } from '../factories/pdf.js';
import { CORPUS, HAS_CORPUS, NO_CORPUS_MESSAGE } from '../setup/corpus.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(path.join(dir, n)).isDirectory()
      ? files(path.join(dir, n))
      : /\.(pdf|docx)$/.test(n)
        ? [path.join(dir, n)]
        : [],
  );
}

describe.skipIf(!HAS_CORPUS)('every CV in the corpus', () => {
  it('gives its text, whatever the claimed content type', async () => {
    const cvs = files(path.join(CORPUS, 'resumes'));
    expect(cvs.length).toBeGreaterThanOrEqual(13);
    for (const file of cvs) {
      const result = await extractText({ content: readFileSync(file), contentType: 'application/octet-stream' });
      expect(result.status, file).toBe('EXTRACTED');
      if (result.status === 'EXTRACTED') expect(result.text.length, file).toBeGreaterThan(150);
    }
  }, 60_000);
});
if (!HAS_CORPUS) describe('every CV in the corpus', () => it.skip(NO_CORPUS_MESSAGE, () => {}));

describe('extractText', () => {
  it('tells a scanned PDF (images, no text) apart', async () => {
    expect(await extractText({ content: scannedPdf(2), contentType: 'application/pdf' })).toMatchObject({
      status: 'IMAGE_ONLY',
      pages: 2,
    });
  });

  it('keeps going on a broken PDF and says so', async () => {
    const broken = scannedPdf(1).subarray(0, 120);
    expect(await extractText({ content: broken, contentType: 'application/pdf' })).toMatchObject({
      status: 'FAILED',
      reason: expect.stringMatching(/^could not be read/),
    });
  });

  it.each([
    [
      'an old Word file',
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(64)]),
      'application/msword',
      /\.doc\) files are not read/,
    ],
    ['a picture', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'image/png', /not a PDF, Word/],
    ['a file over the size limit', Buffer.alloc(MAX_DOCUMENT_BYTES + 1), 'application/pdf', /larger than 10 MB/],
  ])('refuses %s with a clear reason', async (_label, content, contentType, reason) => {
    expect(await extractText({ content, contentType })).toMatchObject({
      status: 'UNSUPPORTED',
      reason: expect.stringMatching(reason),
    });
  });

  it('reads plain text as it is', async () => {
    expect(
      await extractText({
        content: Buffer.from('Ada Lovelace\r\nAnalyst\r\n'),
        contentType: 'text/plain; charset=utf-8',
      }),
    ).toEqual({ status: 'EXTRACTED', text: 'Ada Lovelace\nAnalyst' });
  });
});

describe('a generated text PDF', () => {
  it('reads back the lines it was written with', async () => {
    const { textPdf } = await import('../factories/pdf.js');
    const result = await extractText({
      content: textPdf([
        'Ada Lovelace',
        'Analyst and programmer (since 1843)',
        'Skills: Bernoulli numbers, loops, notes on engines',
      ]),
      contentType: 'application/pdf',
    });
    expect(result).toMatchObject({
      status: 'EXTRACTED',
      text: expect.stringContaining('Analyst and programmer (since 1843)'),
    });
  });
});
