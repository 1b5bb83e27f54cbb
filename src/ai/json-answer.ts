import type Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';

/** The text of an answer (with a JSON output format, the JSON), or '' when the model sent none. */
export function textOf(message: Anthropic.Messages.Message): string {
  return message.content.flatMap((c) => (c.type === 'text' ? [c.text] : [])).join('');
}

/**
 * Asks until the answer is JSON that `schema` accepts: the first answer, then once more with
 * what was wrong (the model usually fixes a near miss when shown the errors). `ask` sends the
 * conversation and returns the answer's text; the caller counts usage there. Returns the value,
 * or the last problem when both answers failed: never a half-parsed value.
 */
export async function askForJson<T>(
  ask: (messages: Anthropic.Messages.MessageParam[]) => Promise<string>,
  schema: z.ZodType<T>,
  question: Anthropic.Messages.MessageParam['content'],
): Promise<{ value: T } | { value: null; problem: string }> {
  const messages: Anthropic.Messages.MessageParam[] = [{ role: 'user', content: question }];
  let problem = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    const answer = await ask(messages);
    const json = parseJson(answer);
    const parsed = schema.safeParse(json);
    if (parsed.success) return { value: parsed.data };
    problem = json === undefined ? 'the answer is not JSON' : z.prettifyError(parsed.error);
    messages.push(
      { role: 'assistant', content: answer || '(empty)' },
      {
        role: 'user',
        content: `That answer did not match the required format:\n${problem}\nAnswer again with corrected JSON only.`,
      },
    );
  }
  return { value: null, problem };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
