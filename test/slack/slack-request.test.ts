import { describe, expect, it } from 'vitest';
import { responseUrlOrigins, responseUrlsAllowed } from '../../src/slack/slack-request.js';

describe('responseUrlOrigins', () => {
  const allowed = (apiUrl: string, url: string) =>
    responseUrlsAllowed({ response_url: url }, responseUrlOrigins(apiUrl));

  it.each([
    ['https://slack.com/api/', 'https://hooks.slack.com/actions/T0/1/x'],
    ['https://slack-gov.com/api/', 'https://hooks.slack-gov.com/actions/T0/1/x'],
    ['https://api.slack-gov.com/api/', 'https://hooks.slack-gov.com/actions/T0/1/x'],
    ['http://127.0.0.1:4000/api/', 'http://127.0.0.1:4000/hooks/x'],
  ])("with SLACK_API_URL %s, Slack's reply URL %s is taken", (apiUrl, url) => {
    expect(allowed(apiUrl, url)).toBe(true);
  });

  it.each([
    'https://hooks.slack-gov.com.evil.example/x',
    'http://hooks.slack-gov.com/x',
    'https://slack-gov.com/x',
    'https://user@hooks.slack-gov.com/x',
    'http://169.254.169.254/latest/meta-data/',
  ])('%s is not Slack: refused', (url) => {
    expect(allowed('https://slack-gov.com/api/', url)).toBe(false);
    expect(allowed('https://slack.com/api/', url)).toBe(false);
  });

  it("a Slack API URL adds no origin of its own: only Slack's reply hosts", () => {
    expect(responseUrlOrigins('https://slack.com/api/')).toEqual([
      'https://hooks.slack.com',
      'https://hooks.slack-gov.com',
    ]);
    expect(responseUrlOrigins('https://slack-gov.com/api/')).toEqual([
      'https://hooks.slack.com',
      'https://hooks.slack-gov.com',
    ]);
  });
});
