import type { MessagesRequest, Scripted } from '../../fakes/anthropic-api.js';

// The fake model's default behaviour in journeys: a cooperative Claude that decides from the
// request alone, as the real one would, so a journey only scripts what it wants to be unusual
// (the fake answers from its scripts first). It never sees our database: only the request.

type Content = Array<Record<string, any>>;

const contentOf = (m: MessagesRequest['messages'][number]): Content =>
  typeof m.content === 'string' ? [{ type: 'text', text: m.content }] : m.content;

function json(text: unknown): any {
  try {
    return JSON.parse(String(text));
  } catch {
    return undefined;
  }
}

const email = (text: string, includeOptions: boolean) => ({
  tools: [{ name: 'send_email', input: { text, include_options: includeOptions } }],
});

/** The scheduling agent: offers approved times, books the one chosen, confirms, nudges, moves a booking when asked. */
export function journeyAgent(request: MessagesRequest): Scripted {
  const brief = json(contentOf(request.messages[0]!)[0]?.text)?.brief;
  const first = brief?.candidate?.first_name ?? 'there';
  const sign = 'Justin, on behalf of the hiring team';
  const everything = JSON.stringify(request.messages);
  const booked = /\\"status\\":\\"(booked|moved)\\"/.test(everything);
  const last = contentOf(request.messages.at(-1)!);
  // What came last is what it answers: an event (after the results of its earlier calls), or a result.
  const newest = last.at(-1);
  const result = newest?.type === 'tool_result' ? (json(newest.content) ?? {}) : undefined;
  // Of the events since its last answer, the latest that asks for something ("resumed" alone does not).
  const events = last.flatMap((b) => (b.type === 'text' ? [json(b.text)?.event] : [])).filter(Boolean);
  const event = newest?.type === 'text' ? (events.findLast((e) => e.type !== 'resumed') ?? events.at(-1)) : undefined;

  if (result?.status === 'booked' || result?.status === 'moved') {
    return email(
      `Hi ${first},\n\nYou are booked for ${result.when}. The calendar invitation with the video link is on its ` +
        `way.\n\n${sign}`,
      false,
    );
  }
  if (result?.status === 'options_ready')
    return email(
      `Hi ${first},\n\nHere are some new times. Which one suits you? Reply with its number.\n\n${sign}`,
      true,
    );
  if (result?.alternatives) return { tools: [{ name: 'propose_slots', input: {} }] };
  if (result) return { text: 'Waiting.' };

  switch (event?.type) {
    case 'slots_approved':
      return email(
        `Hi ${first},\n\nThank you for applying for the ${brief?.role ?? ''} role. Which of these times suits you? ` +
          `Reply with its number.\n\n${sign}`,
        true,
      );
    case 'candidate_email': {
      const reading = event.reading ?? {};
      if (reading.intent === 'accepts_option' && reading.option) {
        return { tools: [{ name: booked ? 'reschedule_interview' : 'book_slot', input: { option: reading.option } }] };
      }
      // The team said a "withdrawal" was none: read the mail again for what the candidate wants.
      const wantsToMove = /reschedul|another time|no longer make it/i.test(String(event.untrusted_text ?? ''));
      if (reading.intent === 'reschedule' || (event.checks?.withdrawal && wantsToMove))
        return { tools: [{ name: 'propose_slots', input: {} }] };
      if (reading.intent === 'proposes_times')
        return { tools: [{ name: 'propose_slots', input: { within: reading.available } }] };
      if (reading.intent === 'asks_question')
        return {
          tools: [{ name: 'ask_team', input: { question: reading.question ?? 'The candidate asked a question.' } }],
        };
      return { tools: [{ name: 'hand_over', input: { reason: 'I could not tell what the candidate wants.' } }] };
    }
    case 'follow_up_due':
      return email(
        `Hi ${first},\n\nJust checking in: do any of these times suit you?\n\n${sign}`,
        (event.options ?? []).length > 0,
      );
    case 'interview_changed':
      return (event.options ?? []).length > 0
        ? email(
            `Hi ${first},\n\nWe need to move your interview. Which of these times suits you instead?\n\n${sign}`,
            true,
          )
        : { text: 'Waiting for new times.' };
    default:
      return { text: 'Nothing to do now.' };
  }
}

/** The fast model reading a reply, and the smart one reading a CV (both answer in JSON). */
export function journeyReader(request: MessagesRequest): Scripted {
  const system = request.system?.map((s) => s.text).join('\n') ?? '';
  if (/read CVs/i.test(system)) {
    return {
      json: {
        profile: {
          name: 'Candidate',
          headline: 'Software engineer',
          location: null,
          yearsExperience: 6,
          skills: ['TypeScript', 'Postgres'],
          languages: ['English'],
          experience: [],
          education: [],
        },
        fit: {
          summary: 'Six years of TypeScript and Postgres, as the role asks.',
          strengths: ['TypeScript'],
          gaps: [],
          rating: 4,
        },
      },
    };
  }
  if (/prepare a debrief/i.test(system)) return { json: { synthesis: synthesisOf(request) } };
  if (/reply to a job offer/i.test(system)) return { json: offerReplyOf(request) };
  const said = request.messages
    .flatMap(contentOf)
    .map((b) => String(b.text ?? ''))
    .join('\n');
  const text = String(json(/<reply>(.*)<\/reply>/s.exec(said)?.[1]) ?? '');
  const option = /option\s*(\d+)/i.exec(text)?.[1];
  const base = { option: null, available: [], zone_mentioned: null, question: null };
  if (/salary|compensation|equity|the offer\b/i.test(text))
    return { json: { ...base, intent: 'about_offer', summary: 'asks about pay or the offer' } };
  if (/withdraw|no longer (interested|want)|accepted (another|an) offer/i.test(text))
    return { json: { ...base, intent: 'withdraws', summary: 'withdraws' } };
  if (/reschedul|move (the|my|our) (interview|call)|can(no|')t make it/i.test(text))
    return { json: { ...base, intent: 'reschedule', summary: 'asks to move the interview' } };
  if (option)
    return { json: { ...base, intent: 'accepts_option', option: Number(option), summary: `accepts option ${option}` } };
  if (text.includes('?'))
    return {
      json: {
        ...base,
        intent: 'asks_question',
        question: text.split('\n')[0]!.slice(0, 300),
        summary: 'asks a question',
      },
    };
  return { json: { ...base, intent: 'other', summary: 'something else' } };
}

/** The debrief's synthesis, as the real model would shape it: who said what, from the notes it was given. */
function synthesisOf(request: MessagesRequest): string {
  const said = request.messages
    .flatMap(contentOf)
    .map((b) => String(b.text ?? ''))
    .join('\n');
  const cards = [...said.matchAll(/<scorecard interviewer="([^"]+)">[\s\S]*?Notes:\n([\s\S]*?)<\/scorecard>/g)];
  return cards.map(([, who, notes]) => `${who} noted: ${notes!.trim().split('\n')[0]!.slice(0, 200)}`).join(' ');
}

/** A reply to an offer, read as the real model would: accepts, declines (with its reason), or wants to talk. */
function offerReplyOf(request: MessagesRequest): Record<string, unknown> {
  const said = request.messages
    .flatMap(contentOf)
    .map((b) => String(b.text ?? ''))
    .join('\n');
  const text = String(json(/<reply>(.*)<\/reply>/s.exec(said)?.[1]) ?? '');
  if (/\b(decline|turn (it )?down|not accept)/i.test(text)) {
    const reason = /because ([^.\n]+)/i.exec(text)?.[1] ?? null;
    return { intent: 'declines', reason, summary: 'declines the offer' };
  }
  if (/\b(accept|happy to join|yes)\b/i.test(text))
    return { intent: 'accepts', reason: null, summary: 'accepts the offer' };
  if (/\?|talk|call|discuss/i.test(text))
    return { intent: 'wants_to_talk', reason: null, summary: 'wants to talk first' };
  return { intent: 'other', reason: null, summary: 'not an answer' };
}
