import { describe, expect, it } from 'vitest';
import { formatExactTime, formatRelativeTime } from './format-time.ts';

const now = new Date('2025-06-15T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('formatRelativeTime', () => {
  it('says "just now" for the last few seconds, and for small clock skew into the future', () => {
    expect(formatRelativeTime(ago(5), now, 'en')).toBe('just now');
    expect(formatRelativeTime(ago(-10), now, 'en')).toBe('just now');
  });

  it('picks the largest whole unit', () => {
    expect(formatRelativeTime(ago(60), now, 'en')).toBe('1 minute ago');
    expect(formatRelativeTime(ago(3 * 60), now, 'en')).toBe('3 minutes ago');
    expect(formatRelativeTime(ago(2 * 3600), now, 'en')).toBe('2 hours ago');
    expect(formatRelativeTime(ago(24 * 3600), now, 'en')).toBe('yesterday');
    expect(formatRelativeTime(ago(14 * 24 * 3600), now, 'en')).toBe('2 weeks ago');
    expect(formatRelativeTime(ago(400 * 24 * 3600), now, 'en')).toBe('last year');
  });

  it('returns an empty string for an unparseable date', () => {
    expect(formatRelativeTime(new Date('not a date'), now, 'en')).toBe('');
    expect(formatExactTime(new Date('not a date'), 'en')).toBe('');
  });
});
