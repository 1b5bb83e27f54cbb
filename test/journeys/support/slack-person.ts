import type { FakeMessage } from '../../fakes/slack-api.js';
import { signedHeaders } from '../../setup/slack.js';
import { eventually } from '../../setup/workers.js';
import { modalState, type FieldValue } from './modal-state.js';
import { button, controlsOf, textOf, type Block, type Surface } from './slack-surface.js';
import type { JourneyWorld } from './world.js';

/** A modal or home view as the fake Slack holds it. */
export type View = {
  id: string;
  hash?: string;
  type?: string;
  callback_id?: string;
  private_metadata?: string;
  blocks?: Block[];
  [k: string]: unknown;
};
/** What a button can be on: a message in a channel or DM, a private reply, or a person's App Home. */
export type Clickable = FakeMessage | View | Reply;
/** A private answer (the ack's body, or a post to the response_url). */
export type Reply = Surface & { ephemeral: true; channel: string };

/**
 * One request a person made in Slack, and what came back: the ack's body at once, and later
 * perhaps a private reply through the response_url or a modal opened with the trigger.
 */
export class Interaction {
  constructor(
    private readonly world: JourneyWorld,
    private readonly person: Person,
    readonly status: number,
    readonly ack: Record<string, any> | undefined,
    private readonly n: number,
    private readonly channel: string,
  ) {}

  /** Field errors a modal submission was answered with. */
  get errors(): Record<string, string> | undefined {
    return this.ack?.response_action === 'errors' ? this.ack.errors : undefined;
  }

  /** What the person was told privately: the ack's own text, else the first reply to the response_url. */
  async reply(): Promise<Reply> {
    if (this.ack && (this.ack.text || this.ack.blocks))
      return { ...(this.ack as Surface), ephemeral: true, channel: this.channel };
    const path = this.person.responsePath(this.n);
    const posted = await eventually(async () => this.world.slack.responses.find((r) => r.path === path), {
      timeoutMs: 8_000,
    }).catch(() => {
      throw new Error(`${this.person.name} was told nothing (no ack text, no reply to the response_url)`);
    });
    return { ...(posted.body as Surface), ephemeral: true, channel: this.channel };
  }

  /** The reply's words. */
  async text(): Promise<string> {
    return textOf(await this.reply());
  }

  /** The modal this request opened. */
  async modal(): Promise<View> {
    const trigger = this.person.triggerId(this.n);
    const opened = await eventually(async () => this.world.slackViews().find((v) => v.triggerId === trigger), {
      timeoutMs: 8_000,
    }).catch(() => {
      throw new Error(`no modal opened for ${this.person.name}`);
    });
    return opened.view as View;
  }
}

const isMessage = (w: Clickable): w is FakeMessage =>
  typeof (w as FakeMessage).ts === 'string' && typeof (w as FakeMessage).channel === 'string';
const isReply = (w: Clickable): w is Reply => (w as Reply).ephemeral === true;

/** Someone in the Slack workspace, acting only as a person can: commands, clicks, forms. */
export class Person {
  private requests = 0;

  constructor(
    private readonly world: JourneyWorld,
    readonly slackId: string,
    readonly name: string,
    readonly email: string,
  ) {}

  /** The handle Slack writes when a command names this person (commands escape mentions). */
  get handle(): string {
    return this.name.split(/\s+/)[0]!.toLowerCase();
  }

  /** As typed in a command: Slack sends `@rita` as `<@U…|rita>`. */
  toString(): string {
    return `<@${this.slackId}|${this.handle}>`;
  }

  responsePath(n: number): string {
    return `/respond/${this.slackId}/${n}`;
  }

  triggerId(n: number): string {
    return `${this.slackId}.trigger.${n}`;
  }

  /** Types a slash command, e.g. `/hire role new`, in a channel (a DM with Justin by default). */
  async runs(line: string, { in: channel = `D${this.slackId}` }: { in?: string } = {}): Promise<Interaction> {
    const [command = '', ...rest] = line.trim().split(/\s+/);
    const n = ++this.requests;
    const body = new URLSearchParams({
      token: 'deprecated',
      team_id: this.world.teamId,
      team_domain: 'acme',
      channel_id: channel,
      channel_name: channel,
      user_id: this.slackId,
      user_name: this.handle,
      command,
      text: rest.join(' '),
      api_app_id: 'A0JUSTIN',
      response_url: `${this.world.slack.origin}${this.responsePath(n)}`,
      trigger_id: this.triggerId(n),
    }).toString();
    return this.send(body, 'application/x-www-form-urlencoded', n, channel);
  }

  /** Presses the button labelled `label` on a message, a private reply or the App Home. */
  async clicks(where: Clickable, label: string | RegExp): Promise<Interaction> {
    const control = button(where, label);
    return this.act(where, {
      type: 'button',
      action_id: control.actionId,
      block_id: control.blockId,
      value: control.value,
      text: { type: 'plain_text', text: control.label },
    });
  }

  /** Presses a button inside an open modal; its fields hold what they hold, changed by `entered` (by block id). */
  async clicksIn(view: View, label: string | RegExp, entered: Record<string, FieldValue> = {}): Promise<Interaction> {
    const control = button(view, label);
    return this.act(
      { ...view, state: { values: modalState(view, entered) } },
      {
        type: 'button',
        action_id: control.actionId,
        block_id: control.blockId,
        value: control.value,
        text: { type: 'plain_text', text: control.label },
      },
    );
  }

  /** Picks `choice` (an option's label) in the menu on a message. */
  async chooses(where: Clickable, choice: string): Promise<Interaction> {
    const menu = controlsOf(where).find(
      (c) => c.type === 'static_select' && c.options?.some((o) => o.label === choice),
    );
    if (!menu) throw new Error(`no menu offering "${choice}" here:\n${textOf(where)}`);
    const picked = menu.options!.find((o) => o.label === choice)!;
    return this.act(where, {
      type: 'static_select',
      action_id: menu.actionId,
      block_id: menu.blockId,
      selected_option: { text: { type: 'plain_text', text: picked.label }, value: picked.value },
    });
  }

  /** Fills a modal (fields by block id; the rest keep what they hold) and presses its submit button. */
  async submits(view: View, entered: Record<string, FieldValue> = {}): Promise<Interaction> {
    const n = ++this.requests;
    const payload = {
      type: 'view_submission',
      team: { id: this.world.teamId, domain: 'acme' },
      user: { id: this.slackId, username: this.handle, name: this.handle, team_id: this.world.teamId },
      api_app_id: 'A0JUSTIN',
      token: 'deprecated',
      trigger_id: this.triggerId(n),
      view: { ...view, team_id: this.world.teamId, state: { values: modalState(view, entered) } },
      response_urls: [],
    };
    return this.send(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      'application/x-www-form-urlencoded',
      n,
      `D${this.slackId}`,
    );
  }

  /** Opens Justin's Home tab and returns it once Justin has published it. */
  async opensHome(): Promise<View> {
    const before = this.world.slack.calls.filter(
      (c) => c.method === 'views.publish' && c.args.user_id === this.slackId,
    ).length;
    await this.event({
      type: 'app_home_opened',
      user: this.slackId,
      channel: `D${this.slackId}`,
      tab: 'home',
      event_ts: `${Date.now() / 1000}`,
    });
    await eventually(
      async () =>
        this.world.slack.calls.filter((c) => c.method === 'views.publish' && c.args.user_id === this.slackId).length >
        before,
    );
    return this.world.homeOf(this.slackId)!;
  }

  /** Changes their time zone in Slack (travel, a move); Slack tells the app with a user_change event. */
  async movesTo(tz: string): Promise<void> {
    this.world.slack.addUser(this.slackId, { name: this.name, email: this.email, tz });
    const user = {
      id: this.slackId,
      team_id: this.world.teamId,
      real_name: this.name,
      tz,
      profile: { real_name: this.name, display_name: this.handle, email: this.email },
    };
    await this.event({ type: 'user_change', user, event_ts: `${Date.now() / 1000}` });
  }

  /** Direct messages Justin sent this person. */
  dms(): FakeMessage[] {
    return this.world.slack.dmsTo(this.slackId);
  }

  /** An Events API delivery about this person, as Slack sends it. */
  async event(event: Record<string, unknown>): Promise<number> {
    const n = ++this.requests;
    const body = JSON.stringify({
      type: 'event_callback',
      token: 'deprecated',
      team_id: this.world.teamId,
      api_app_id: 'A0JUSTIN',
      event_id: `Ev${this.slackId}${n}`,
      event_time: Math.floor(Date.now() / 1000),
      event,
    });
    return (await this.send(body, 'application/json', n, `D${this.slackId}`)).status;
  }

  private async act(where: Clickable, action: Record<string, unknown>): Promise<Interaction> {
    const n = ++this.requests;
    const common = {
      type: 'block_actions',
      team: { id: this.world.teamId, domain: 'acme' },
      user: { id: this.slackId, username: this.handle, name: this.handle, team_id: this.world.teamId },
      api_app_id: 'A0JUSTIN',
      token: 'deprecated',
      trigger_id: this.triggerId(n),
      actions: [{ ...action, action_ts: `${Date.now() / 1000}` }],
    };
    let payload: Record<string, unknown>;
    let channel = `D${this.slackId}`;
    if (isMessage(where)) {
      channel = where.channel;
      payload = {
        ...common,
        container: { type: 'message', message_ts: where.ts, channel_id: where.channel, is_ephemeral: false },
        channel: { id: where.channel, name: where.channel },
        message: {
          type: 'message',
          ts: where.ts,
          text: where.text,
          blocks: where.blocks,
          ...(where.thread_ts ? { thread_ts: where.thread_ts } : {}),
        },
        response_url: `${this.world.slack.origin}${this.responsePath(n)}`,
      };
    } else if (isReply(where)) {
      channel = where.channel;
      payload = {
        ...common,
        container: { type: 'message', message_ts: '0', channel_id: where.channel, is_ephemeral: true },
        channel: { id: where.channel, name: where.channel },
        response_url: `${this.world.slack.origin}${this.responsePath(n)}`,
      };
    } else {
      // The Home tab or a modal: Slack sends the view (a modal's with its state), and no response_url.
      payload = { ...common, container: { type: 'view', view_id: where.id }, view: where };
    }
    return this.send(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      'application/x-www-form-urlencoded',
      n,
      channel,
    );
  }

  private async send(body: string, contentType: string, n: number, channel: string): Promise<Interaction> {
    const response = await fetch(`${this.world.origin}/slack/events`, {
      method: 'POST',
      headers: signedHeaders(body, { contentType, secret: this.world.signingSecret }),
      body,
    });
    const raw = await response.text();
    let ack: Record<string, any> | undefined;
    try {
      ack = raw ? (JSON.parse(raw) as Record<string, any>) : undefined;
    } catch {
      ack = { text: raw };
    }
    if (response.status >= 500) throw new Error(`Justin answered ${response.status} to ${this.name}: ${raw}`);
    return new Interaction(this.world, this, response.status, ack, n, channel);
  }
}
