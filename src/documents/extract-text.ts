import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';

// CV and cover-letter text. The file's bytes decide its type, not the name or the claimed
// content type (a ".pdf" that is a Word file happens). A PDF whose pages carry almost no
// text is an image scan: kept, flagged, and not guessed at.

export type DocumentText =
  | { status: 'EXTRACTED'; text: string; pages?: number }
  | { status: 'IMAGE_ONLY'; pages: number; reason: string }
  | { status: 'FAILED' | 'UNSUPPORTED'; reason: string };

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Below this many letters per page, a PDF is a scan (a page number or a header is not a CV). */
const MIN_LETTERS_PER_PAGE = 40;
const TIMEOUT_MS = 20_000;

export type FileKind = 'pdf' | 'docx' | 'doc' | 'text' | 'other';

export function sniffKind(content: Buffer, contentType: string): FileKind {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && content.includes('word/')) return 'docx';
  if (content.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))) return 'doc';
  if (contentType.startsWith('text/plain')) return 'text';
  return 'other';
}

export async function extractText({
  content,
  contentType,
}: {
  content: Buffer;
  contentType: string;
}): Promise<DocumentText> {
  if (content.length > MAX_DOCUMENT_BYTES)
    return { status: 'UNSUPPORTED', reason: `larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB` };
  const kind = sniffKind(content, contentType);
  try {
    switch (kind) {
      case 'pdf':
        return await withTimeout(pdfText(content));
      case 'docx': {
        const { value } = await withTimeout(mammoth.extractRawText({ buffer: content }));
        return value.trim()
          ? { status: 'EXTRACTED', text: tidy(value) }
          : { status: 'FAILED', reason: 'the Word document has no text' };
      }
      case 'doc':
        return { status: 'UNSUPPORTED', reason: 'Word 97–2003 (.doc) files are not read; ask for a PDF or .docx' };
      case 'text':
        return { status: 'EXTRACTED', text: tidy(content.toString('utf8')) };
      case 'other':
        return { status: 'UNSUPPORTED', reason: `not a PDF, Word (.docx) or text file (${contentType})` };
    }
  } catch (err) {
    return { status: 'FAILED', reason: `could not be read: ${(err as Error).message.split('\n')[0]}` };
  }
}

async function pdfText(content: Buffer): Promise<DocumentText> {
  // pdf.js takes ownership of the buffer it is given; hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(content) });
  try {
    const result = await parser.getText();
    const pages = result.total ?? result.pages?.length ?? 1;
    const letters = (result.text.match(/\p{L}/gu) ?? []).length;
    if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, pages) * 0.5)
      return { status: 'IMAGE_ONLY', pages, reason: `${pages} page(s) with almost no text: an image scan` };
    return { status: 'EXTRACTED', text: tidy(result.text), pages };
  } finally {
    await parser.destroy();
  }
}

function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/-- \d+ of \d+ --/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
