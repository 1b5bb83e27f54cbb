import { describe, expect, it } from 'vitest';
import { isZoneName } from '../../../src/domain/time/zone-name.js';

describe('isZoneName', () => {
  it.each([
    'Europe/Berlin',
    'America/St_Johns',
    'Asia/Kathmandu',
    'America/Argentina/Buenos_Aires',
    'Etc/GMT+5',
    'UTC',
  ])('accepts %s', (name) => {
    expect(isZoneName(name)).toBe(true);
  });
  // ICU accepts all of these and silently picks one meaning (BST → Asia/Dhaka).
  it.each(['IST', 'CST', 'BST', 'EST', 'PST', 'EST5EDT', 'GMT', 'Europe/Atlantis', 'europe/berlin', ''])(
    'refuses %s',
    (name) => {
      expect(isZoneName(name)).toBe(false);
    },
  );
});
