import type { MessagesRequest, Scripted } from '../fakes/anthropic-api.js';

/**
 * A scripted agent that decides from the request alone, like a model would: what the last
 * user turn says picks the answer. Being a function of the request, it answers a retried call
 * the same way, which is what crash tests need.
 */
export function happyPathAgent(request: MessagesRequest): Scripted {
  const last = request.messages.at(-1)!;
  const blocks = typeof last.content === 'string' ? [{ type: 'text', text: last.content }] : last.content;
  const text = JSON.stringify(blocks);
  if (text.includes('slots_approved'))
    return {
      tools: [
        {
          name: 'send_email',
          input: { text: 'Hi Ada, thanks for applying! Which of these times suits you?', include_options: true },
        },
      ],
    };
  if (text.includes('candidate_email')) {
    const option = /\\"option\\":(\d+)/.exec(text)?.[1];
    return { tools: [{ name: 'book_slot', input: { option: Number(option ?? 1) } }] };
  }
  if (text.includes('\\"booked\\"') || text.includes('"booked"'))
    return {
      tools: [
        {
          name: 'send_email',
          input: {
            text:
              'Hi Ada, you are booked; the calendar invitation with the video link is on its way. Justin, on ' +
              'behalf of the hiring team',
            include_options: false,
          },
        },
      ],
    };
  return { text: 'nothing to do' };
}

/** The reader: accepts the option number written in the reply ("Option 2 …"). */
export function acceptsOptionReader(request: MessagesRequest): Scripted {
  const content = JSON.stringify(request.messages);
  const option = /[Oo]ption (\d+)/.exec(content.slice(content.indexOf('<reply>')))?.[1];
  return {
    json: {
      intent: 'accepts_option',
      option: option ? Number(option) : null,
      available: [],
      zone_mentioned: null,
      question: null,
      summary: 'accepts an option',
    },
  };
}
