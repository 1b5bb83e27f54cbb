import { afterAll, describe, expect, it } from 'vitest';
import { agentDecisionBlocks, answerModal } from '../../../src/slack/blocks/agent-messages.js';
import { checkSurface } from '../../../src/slack/blocks/limits.js';
import { ACTIONS, COMMANDS } from '../../../src/slack/ids.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { useJustin } from '../../setup/app.js';
import { buttonClick, commandBody, signedHeaders, slackAppEnv } from '../../setup/slack.js';
import { eventually } from '../../setup/workers.js';

// The agent's Slack controls, driven as Slack does: signed commands, clicks and modal
// submissions into the server. No Anthropic key here, so queued agent turns stay queued.
const fake = new FakeSlackApi();
const running = useJustin((databaseUrl) => slackAppEnv({ databaseUrl, slackApiUrl: fake.url }), {
  before: async () => void (await fake.start()),
});
afterAll(() => fake.stop());

function post(body: string) {
  return running.justin.server.inject({
    method: 'POST',
    url: '/slack/events',
    payload: body,
    headers: signedHeaders(body),
  });
}
const interaction = (payload: Record<string, unknown>) =>
  post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
const click = (action: string, value: string, user: string) =>
  interaction(buttonClick({ action, value, user, channel: 'C0AGENT', responseOrigin: fake.origin }));
const replyTo = (user: string) =>
  eventually(async () => fake.responses.filter((r) => r.path.endsWith(`/${user}`)).at(-1));

async function runWaitingOnTeam(email: string) {
  const p = running.justin.prisma;
  const role = await p.role.create({
    data: {
      title: `SRE (${email})`,
      slackChannelId: 'C0AGENT',
      stages: { create: [{ position: 0, name: 'Call', durationMinutes: 30 }] },
    },
  });
  const candidate = await p.candidate.create({ data: { name: 'Ken Thompson', email, displayEmail: email } });
  const app = await p.application.create({
    data: { roleId: role.id, candidateId: candidate.id, stage: 'SCHEDULING', planPosition: 0 },
  });
  const run = await p.agentRun.create({ data: { applicationId: app.id, status: 'WAITING' } });
  await p.agentStep.create({
    data: {
      runId: run.id,
      seq: 1,
      kind: 'TOOL_RESULT',
      name: 'send_email',
      input: { toolUseId: 'toolu_1' },
      output: { ok: true, endsTurn: true, draft: { body: 'Hi Ken', includeOptions: false } },
    },
  });
  return { app, run };
}

describe("the agent's buttons", () => {
  it(
    'approving a draft is one decision: the first click wakes the agent, a second is told who decided, a stranger ' +
      'is refused',
    async () => {
      const { app, run } = await runWaitingOnTeam('ken@example.com');
      const message = agentDecisionBlocks({
        kind: 'email',
        runId: run.id,
        seq: 1,
        candidateName: 'Ken Thompson',
        body: 'Hi Ken,\n'.repeat(1000),
      });
      expect(checkSurface({ type: 'message', blocks: message.blocks as never, text: message.text })).toEqual([]);
      const value = JSON.stringify({ runId: run.id, seq: 1 });

      await click(ACTIONS.agentApprove, value, 'U0NOBODY');
      expect(String((await replyTo('U0NOBODY')).body.text)).toMatch(/^Sorry, directing Justin/);
      const first = await click(ACTIONS.agentApprove, value, 'U0ADMIN');
      expect(first.statusCode).toBe(200);
      expect(String((await replyTo('U0ADMIN')).body.text)).toBe('Approved: Justin goes ahead.');
      await click(ACTIONS.agentDecline, value, 'U0ADMIN');
      await eventually(async () =>
        String((await replyTo('U0ADMIN')).body.text).startsWith('Already decided: <@U0ADMIN> approved'),
      );
      const jobs = await running.justin.boss.findJobs('agent.turn', { data: { applicationId: app.id } });
      expect(jobs.map((j) => j.data)).toEqual([
        {
          applicationId: app.id,
          key: `decision:${run.id}:1`,
          event: { type: 'team-decided', runId: run.id, seq: 1, approved: true, by: 'U0ADMIN' },
        },
      ]);
    },
  );

  it(
    "answering the agent's question: a blank answer is a field error; an answer (marked internal) wakes the " + 'agent',
    async () => {
      const { app, run } = await runWaitingOnTeam('dennis@example.com');
      const view = answerModal({ runId: run.id, question: 'Is the role open to candidates in Brazil?' });
      expect(
        checkSurface({
          type: 'modal',
          blocks: view.blocks as never,
          title: 'Answer Justin',
          submit: 'Send answer',
          close: 'Cancel',
          private_metadata: run.id,
        }),
      ).toEqual([]);
      const submit = (answer: string, internal: boolean) =>
        interaction({
          type: 'view_submission',
          user: { id: 'U0ADMIN', team_id: 'T0TEAM' },
          team: { id: 'T0TEAM' },
          api_app_id: 'A0JUSTIN',
          view: {
            ...view,
            id: 'V7',
            state: {
              values: {
                answer: { value: { type: 'plain_text_input', value: answer } },
                internal: { value: { type: 'checkboxes', selected_options: internal ? [{ value: 'internal' }] : [] } },
              },
            },
          },
        });
      expect((await submit('  ', false)).json()).toEqual({
        response_action: 'errors',
        errors: { answer: 'Write an answer, or close this to leave the question open.' },
      });
      const ok = await submit('Yes, fully remote from Brazil is fine; contractor terms.', true);
      expect(ok.statusCode).toBe(200);
      const [job] = await running.justin.boss.findJobs('agent.turn', { data: { applicationId: app.id } });
      expect(job!.data).toMatchObject({
        key: 'team-answer:V7',
        event: {
          type: 'team-answered',
          internal: true,
          answer: 'Yes, fully remote from Brazil is fine; contractor terms.',
        },
      });
    },
  );

  it('/hire agent stop|start: for one candidate (recruiters) or everyone (admins only)', async () => {
    const { app } = await runWaitingOnTeam('brian@example.com');
    const command = async (text: string, user = 'U0ADMIN') =>
      (await post(commandBody(COMMANDS.hire, text, { user }))).json() as { text: string };
    expect((await command('agent stop <mailto:Brian@Example.com|Brian@Example.com>')).text).toContain(
      'Justin has stopped writing to brian@example.com',
    );
    expect((await running.justin.prisma.application.findUniqueOrThrow({ where: { id: app.id } })).agentPaused).toBe(
      true,
    );
    expect((await command('agent stop all', 'U0NOBODY')).text).toMatch(/Sorry/);
    expect((await command('agent stop all')).text).toContain('stopped writing to every candidate');
    expect(
      (await running.justin.prisma.setting.findUniqueOrThrow({ where: { key: 'agent.paused' } })).value,
    ).toMatchObject({ paused: true, by: 'U0ADMIN' });
    expect((await command('agent start all')).text).toMatch(/^Justin is back on/);
    expect((await command('agent start brian@example.com')).text).toBe('Justin carries on with brian@example.com.');
    expect((await running.justin.prisma.application.findUniqueOrThrow({ where: { id: app.id } })).agentPaused).toBe(
      false,
    );
    expect((await command('agent stop nobody@example.com')).text).toBe(
      'No candidate with the address `nobody@example.com.`',
    );
    expect((await command('agent')).text).toMatch(/^Usage: `\/hire agent stop all`/);
  });
});
