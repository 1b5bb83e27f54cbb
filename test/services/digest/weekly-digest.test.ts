import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackDigestPerformer } from '../../../src/outbox/performers/slack-digest.js';
import { OUTBOX_EVENT_TYPE } from '../../../src/outbox/performers/slack.js';
import { loadWeeklyDigest } from '../../../src/services/digest/load-weekly-digest.js';
import { queueDueDigests } from '../../../src/services/digest/queue-due-digests.js';
import { moveApplication } from '../../../src/services/pipeline/move-application.js';
import { saveWorkspaceSettings } from '../../../src/services/settings/workspace-settings.js';
import { ChannelDirectory } from '../../../src/slack/channel-directory.js';
import { createSlackClient } from '../../../src/slack/web-client.js';
import type { Stage } from '../../../src/domain/pipeline/stages.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { createCandidate, createRole } from '../../factories/index.js';
import { silentLog, useTestBoss } from '../../setup/boss.js';
import { useTestDatabase } from '../../setup/database.js';

// The weekly digest on real Postgres: when it is queued (once per role per week, in the team's
// zone), what it says about a week written through the services, and that delivering it twice
// (a worker that died before recording the outcome) posts one message and one chart.
const db = useTestDatabase();
const q = useTestBoss(db);
const slack = new FakeSlackApi();
beforeAll(() => slack.start());
afterAll(() => slack.stop());

// Monday 15 March 2027, 09:00 in New York (EDT since the 14th) is 13:00 UTC.
const MOMENT = new Date('2027-03-15T13:00:00Z');
const at = (iso: string) => new Date(`2027-03-${iso}Z`);
let roleId = '';

async function applicant(name: string, arrived: Date, moves: Array<[string, 'advance' | 'reject']> = []) {
  const candidate = await createCandidate(db.prisma, { name });
  const app = await db.prisma.application.create({
    data: { candidateId: candidate.id, roleId, createdAt: arrived, stageChangedAt: arrived },
  });
  for (const [when, type] of moves)
    await moveApplication(
      { prisma: db.prisma, boss: q.boss },
      {
        applicationId: app.id,
        command: type === 'reject' ? { type, reason: 'not a fit' } : { type },
        actor: { type: 'USER', id: 'U0RITA' },
        now: at(when),
      },
    );
  return app;
}

describe('the weekly digest', () => {
  beforeAll(async () => {
    await saveWorkspaceSettings(db.prisma, {
      settings: { signature: 'Acme', digest: { weekday: 1, time: '09:00', zone: 'America/New_York' } },
      by: 'U0ADA',
    });
    const role = await createRole(db.prisma, { title: 'Backend <Engineer>', slackChannelId: 'C0DIGEST' });
    roleId = role.id;
    await db.prisma.role.update({ where: { id: roleId }, data: { createdAt: at('01T09:00:00') } });
    // A week ago (Monday 8 March, 14:00 UTC): Ada and Cy new, Bo in screening.
    await applicant('Ada', at('02T10:00:00'), [['09T10:00:00', 'advance']]);
    await applicant('Bo', at('03T10:00:00'), [['04T10:00:00', 'advance']]);
    await applicant('Cy', at('05T10:00:00'), [['10T10:00:00', 'reject']]);
    await applicant('Di', at('12T10:00:00'));
    await applicant('Eve', at('15T14:00:00')); // after the moment: next week's
  });

  it('is queued once the team’s Monday 09:00 has come in New York, once per role and week', async () => {
    const effects = () => db.prisma.outboxEffect.findMany({ where: { kind: 'slack.digest' } });
    const queue = (now: Date) => queueDueDigests({ prisma: db.prisma, boss: q.boss, now: () => now });
    // 08:59 in New York: this week's moment has not come; last week's (Monday 8 March, 09:00 EST =
    // 14:00 UTC) was never sent and the role was open then, so that one is due, and only that one.
    expect(await queue(new Date('2027-03-15T12:59:00Z'))).toBe(1);
    expect((await effects()).map((e) => e.idempotencyKey)).toEqual([`digest:${roleId}:2027-W10`]);
    expect(await queue(MOMENT)).toBe(1);
    expect(await queue(new Date('2027-03-15T13:15:00Z'))).toBe(0);
    expect(await queue(new Date('2027-03-21T23:00:00Z'))).toBe(0);
    const thisWeek = (await effects()).find((e) => e.idempotencyKey.endsWith('2027-W11'))!;
    expect(thisWeek.payload).toEqual({ roleId, at: MOMENT.toISOString(), week: '2027-W11', zone: 'America/New_York' });
    // A role opened after the week's moment waits for the next week.
    const late = await createRole(db.prisma, { title: 'Opened later', slackChannelId: 'C0LATER' });
    await db.prisma.role.update({ where: { id: late.id }, data: { createdAt: at('15T14:00:00') } });
    expect(await queue(new Date('2027-03-15T15:00:00Z'))).toBe(0);
    await db.prisma.role.update({ where: { id: late.id }, data: { status: 'CLOSED' } });
  });

  it('counts the week from the event log: per stage now and a week ago, arrivals and closings', async () => {
    // Offers out are those sent and not yet answered, whatever else the role's offers are.
    const bo = await db.prisma.application.findFirstOrThrow({ where: { roleId, candidate: { name: 'Bo' } } });
    for (const status of ['SENT', 'DECLINED', 'DRAFT'] as const)
      await db.prisma.offer.create({ data: { applicationId: bo.id, status } });
    const digest = await loadWeeklyDigest(db.prisma, { roleId, at: MOMENT });
    const row = (stage: Stage) => digest!.figures.stages.find((s) => s.stage === stage)!;
    expect(row('NEW')).toMatchObject({ now: 1, weekAgo: 2, change: -1, left: 2 });
    expect(row('SCREENING')).toMatchObject({ now: 2, weekAgo: 1, change: 1, left: 0 });
    // Ada waited in New from the 2nd 10:00 to the 9th 10:00 (168 hours), Cy from the 5th to the 10th (120).
    expect(row('NEW').medianHours).toBe(144);
    expect(digest!.figures).toMatchObject({ arrived: 1, rejected: 1, hired: 0, withdrawn: 0, offersOut: 1 });
    // Bo has been in screening since the 4th, Ada since the 9th: both stuck, waiting on the recruiter.
    expect(digest!.figures.stuck).toEqual([
      { candidateName: 'Bo', stage: 'SCREENING', days: 11, waitingOn: 'recruiter' },
      { candidateName: 'Ada', stage: 'SCREENING', days: 6, waitingOn: 'recruiter' },
    ]);
  });

  it('posts the figures and then the chart, once, however often it is delivered', async () => {
    const effect = await db.prisma.outboxEffect.findFirstOrThrow({ where: { idempotencyKey: { endsWith: 'W11' } } });
    const client = createSlackClient({ token: 'xoxb-test', apiUrl: slack.url, log: silentLog });
    const performer = createSlackDigestPerformer({
      client,
      prisma: db.prisma,
      channels: new ChannelDirectory(client),
      fonts: 'none',
    });
    const attempt = (n: number, previousAttemptAt: Date | null) => ({
      id: effect.id,
      idempotencyKey: effect.idempotencyKey,
      payload: effect.payload as never,
      attempt: n,
      previousAttemptAt,
      signal: new AbortController().signal,
    });
    // Slack answers the upload URL with an error, once: the message stays; the chart is tried again.
    const failOnce = (name: string) => {
      let failed = false;
      slack.hook = (method) =>
        method === name && !failed && (failed = true) ? { status: 500, body: 'down' } : 'respond';
    };
    failOnce('files.getUploadURLExternal');
    await expect(performer.perform(attempt(1, null))).rejects.toThrow(/getUploadURLExternal/);
    // Slack shares the chart but the answer is lost: the next attempt finds it shared.
    failOnce('files.completeUploadExternal');
    await expect(performer.perform(attempt(2, new Date()))).rejects.toThrow(/completeUploadExternal/);
    slack.hook = () => 'respond';
    const first = await performer.perform(attempt(3, new Date()));
    // The worker died before recording that: a fourth delivery adopts both again.
    const again = await performer.perform(attempt(4, new Date()));
    expect(again).toEqual(first);
    expect(first.result).toMatchObject({ adopted: 'chart' });
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    expect(slack.calls.filter((c) => c.method === 'files.getUploadURLExternal')).toHaveLength(2);

    const posted = slack.messagesIn('C0DIGEST');
    expect(posted).toHaveLength(2);
    const [message, chart] = posted;
    expect(message!.metadata).toEqual({ event_type: OUTBOX_EVENT_TYPE, event_payload: { key: effect.idempotencyKey } });
    const said = JSON.stringify(message!.blocks);
    expect(said).toContain('Weekly digest · Backend &lt;Engineer&gt;');
    expect(said).toContain('Screening: *2* (+1)');
    expect(said).toContain('Mon 8 Mar – Mon 15 Mar 2027, 09:00 (America/New_York)');
    expect(message!.text).toContain('Backend &lt;Engineer&gt;');
    expect(chart!.text).toContain('Candidates per stage in Backend &lt;Engineer&gt;');
    const [file] = slack.filesIn('C0DIGEST');
    expect(slack.filesIn('C0DIGEST')).toHaveLength(1);
    expect(chart!.files?.map((f) => f.id)).toEqual([file!.id]);
    expect(file!.bytes!.subarray(1, 4).toString()).toBe('PNG');
    expect(file!.filename).toBe('digest-2027-W11.png');
  });

  it('adopts the message an earlier attempt posted before it could record so', async () => {
    const w10 = await db.prisma.outboxEffect.findFirstOrThrow({ where: { idempotencyKey: { endsWith: 'W10' } } });
    const earlier = new Date();
    slack.messages.push({
      channel: 'C0DIGEST',
      ts: `${Math.floor(earlier.getTime() / 1000)}.999999`,
      text: 'Weekly digest (posted by a worker that died)',
      metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { key: w10.idempotencyKey } },
    });
    const client = createSlackClient({ token: 'xoxb-test', apiUrl: slack.url, log: silentLog });
    const performer = createSlackDigestPerformer({ client, prisma: db.prisma, channels: new ChannelDirectory(client) });
    const before = slack.messagesIn('C0DIGEST').length;
    const outcome = await performer.perform({
      id: w10.id,
      idempotencyKey: w10.idempotencyKey,
      payload: w10.payload as never,
      attempt: 2,
      previousAttemptAt: earlier,
      signal: new AbortController().signal,
    });
    expect(outcome.externalId).toBe(`${Math.floor(earlier.getTime() / 1000)}.999999`);
    // Only the chart is new.
    expect(slack.messagesIn('C0DIGEST')).toHaveLength(before + 1);
    expect(slack.messagesIn('C0DIGEST').at(-1)!.files).toHaveLength(1);
  });
});
