import { describe, expect, it } from 'vitest';
import { formatDaysOff, readDaysOff } from '../../../src/domain/team/days-off.js';
import {
  readInterviewerSettingsForm,
  type SettingsViewValues,
} from '../../../src/domain/team/interviewer-settings-form.js';
import { settingsFromStored, workingHoursToStore } from '../../../src/domain/team/interviewer-settings.js';

const time = (selected_time: string | null) => ({ value: { selected_time } });
const text = (value: string | null) => ({ value: { value } });
const radio = (value: string) => ({ value: { selected_option: { value } } });

/** Mon–Fri 09:00–17:00, nothing else: the modal as it opens for someone new, untouched. */
const base: SettingsViewValues = {
  ...Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((d) => [
      [`${d}_start`, time('09:00')],
      [`${d}_end`, time('17:00')],
    ]),
  ),
  sat_start: time(null),
  sat_end: time(null),
  sun_start: time(null),
  sun_end: time(null),
  days_off: text(null),
  daily_cap: text(null),
  weekly_cap: text(null),
  tentative: radio('busy'),
  out_of_office: radio('busy'),
  all_day: radio('free'),
  calendar_id: text('ada@example.com'),
};
const nineToFive: [string, string][] = [['09:00', '17:00']];

describe('readInterviewerSettingsForm', () => {
  it('reads the untouched modal as Mon–Fri 9 to 5, no days off, no limits', () => {
    expect(readInterviewerSettingsForm(base)).toEqual({
      ok: true,
      settings: {
        weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
        daysOff: [],
        dailyCap: null,
        weeklyCap: null,
        busyPolicy: { tentative: 'busy', outOfOffice: 'busy', allDay: 'free' },
        calendarId: 'ada@example.com',
      },
    });
  });

  it.each<[string, SettingsViewValues, Record<string, unknown>]>([
    [
      'a Saturday morning',
      { sat_start: time('10:00'), sat_end: time('13:00') },
      { weekly: expect.objectContaining({ sat: [['10:00', '13:00']] }) },
    ],
    [
      'Friday off (both times cleared)',
      { fri_start: time(null), fri_end: time(null) },
      { weekly: expect.not.objectContaining({ fri: expect.anything() }) },
    ],
    ['caps at the edges', { daily_cap: text('1'), weekly_cap: text('20') }, { dailyCap: 1, weeklyCap: 20 }],
    ['caps with spaces', { daily_cap: text(' 2 '), weekly_cap: text('') }, { dailyCap: 2, weeklyCap: null }],
    [
      'days off and ranges',
      { days_off: text('2027-03-12, 2027-03-10; 2027-04-01..2027-04-03') },
      { daysOff: ['2027-03-10', '2027-03-12', '2027-04-01', '2027-04-02', '2027-04-03'] },
    ],
    [
      'a range with spaces and a dash',
      { days_off: text('2027-02-27 – 2027-03-01 2027-02-27') },
      { daysOff: ['2027-02-27', '2027-02-28', '2027-03-01'] },
    ],
    [
      'policy choices',
      { tentative: radio('free'), out_of_office: radio('free'), all_day: radio('busy') },
      { busyPolicy: { tentative: 'free', outOfOffice: 'free', allDay: 'busy' } },
    ],
    ['an empty calendar id (their email)', { calendar_id: text('  ') }, { calendarId: null }],
    [
      'a group calendar',
      { calendar_id: text('c_1a2b@group.calendar.google.com') },
      { calendarId: 'c_1a2b@group.calendar.google.com' },
    ],
  ])('reads %s', (_label, change, expected) => {
    const result = readInterviewerSettingsForm({ ...base, ...change });
    expect(result.ok && result.settings).toMatchObject(expected);
  });

  it.each<[string, SettingsViewValues, Record<string, string | RegExp>]>([
    ['an end before its start', { mon_end: time('08:30') }, { mon_end: 'Monday must end after it starts (09:00).' }],
    [
      'an end equal to its start',
      { wed_start: time('12:00'), wed_end: time('12:00') },
      { wed_end: /Wednesday must end after it starts/ },
    ],
    ['a start without an end', { sat_start: time('10:00') }, { sat_end: /When does Saturday end\?/ }],
    ['an end without a start', { sun_end: time('12:00') }, { sun_start: /When does Sunday start\?/ }],
    [
      'no working day at all',
      Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((d) => [
          [`${d}_start`, time(null)],
          [`${d}_end`, time(null)],
        ]),
      ),
      { mon_start: /at least one day/ },
    ],
    ['a date that does not exist', { days_off: text('2027-02-30') }, { days_off: /“2027-02-30” is not a date/ }],
    ['a date in another format', { days_off: text('10/03/2027') }, { days_off: /is not a date/ }],
    ['a range backwards', { days_off: text('2027-04-05..2027-04-01') }, { days_off: /ends before it starts/ }],
    ['a range of years', { days_off: text('2027-01-01..2029-01-01') }, { days_off: /more than 366 days off/ }],
    ['a cap of 0', { daily_cap: text('0') }, { daily_cap: /from 1 to 20/ }],
    ['a cap of 21', { weekly_cap: text('21') }, { weekly_cap: /from 1 to 20/ }],
    ['a fractional cap', { daily_cap: text('2.5') }, { daily_cap: /whole number/ }],
    ['a week below a day', { daily_cap: text('4'), weekly_cap: text('3') }, { weekly_cap: /below a day's \(4\)/ }],
    [
      'a calendar id that is not an address',
      { calendar_id: text('ada at example') },
      { calendar_id: /looks like an address/ },
    ],
    [
      'a calendar id with two at signs',
      { calendar_id: text('a@b@example.com') },
      { calendar_id: /looks like an address/ },
    ],
  ])('puts %s on its field', (_label, change, errors) => {
    const result = readInterviewerSettingsForm({ ...base, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(Object.keys(errors).sort());
    for (const [block, message] of Object.entries(errors)) expect(result.errors[block]).toMatch(message);
  });

  it('lists every problem at once', () => {
    const result = readInterviewerSettingsForm({
      ...base,
      tue_end: time('08:00'),
      daily_cap: text('99'),
      days_off: text('soon'),
      calendar_id: text('x'),
    });
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual([
      'calendar_id',
      'daily_cap',
      'days_off',
      'tue_end',
    ]);
  });
});

describe('days off', () => {
  it.each([
    [[], ''],
    [['2027-03-10'], '2027-03-10'],
    [['2027-03-12', '2027-03-10', '2027-03-11', '2027-03-20'], '2027-03-10..2027-03-12, 2027-03-20'],
    [['2027-02-28', '2027-03-01'], '2027-02-28..2027-03-01'],
  ])('%j is written back as %s, and read again the same', (dates, written) => {
    expect(formatDaysOff(dates)).toBe(written);
    expect(readDaysOff(written)).toEqual({ ok: true, dates: [...dates].sort() });
  });
});

describe('between the stored row and the modal', () => {
  const row = {
    email: 'ada@example.com',
    calendarId: null,
    workingHours: null,
    dailyInterviewCap: null,
    weeklyInterviewCap: 5,
    busyPolicy: null,
  };

  it('shows the scheduler’s defaults for what is not stored', () => {
    expect(settingsFromStored(row)).toEqual({
      weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
      daysOff: [],
      dailyCap: null,
      weeklyCap: 5,
      busyPolicy: { tentative: 'busy', outOfOffice: 'busy', allDay: 'free' },
      calendarId: 'ada@example.com',
    });
  });

  it('stores days off as overrides with no hours, keeping other overrides unless the day is now off', () => {
    const previous = {
      weekly: {},
      overrides: [
        { date: '2027-03-13', hours: [['10:00', '12:00']] },
        { date: '2027-03-20', hours: [['10:00', '12:00']] },
        { date: '2027-01-01', hours: [] },
      ],
    };
    const settings = { ...settingsFromStored(row), daysOff: ['2027-03-20', '2027-03-21'] };
    expect(workingHoursToStore(settings, previous).overrides).toEqual([
      { date: '2027-03-13', hours: [['10:00', '12:00']] },
      { date: '2027-03-20', hours: [] },
      { date: '2027-03-21', hours: [] },
    ]);
    expect(settingsFromStored({ ...row, workingHours: previous }).daysOff).toEqual(['2027-01-01']);
    // Days off already past are not shown (nor kept on the next save).
    const days = (today: string) => settingsFromStored({ ...row, workingHours: previous }, { today }).daysOff;
    expect([days('2027-01-01'), days('2027-01-02')]).toEqual([['2027-01-01'], []]);
  });
});
