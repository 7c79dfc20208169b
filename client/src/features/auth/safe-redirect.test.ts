import { describe, expect, it } from 'vitest';
import { safeRedirectPath, withNext } from './safe-redirect.ts';

describe('safeRedirectPath', () => {
  it('keeps paths inside the app, with their query and hash', () => {
    expect(safeRedirectPath('/t/abc?x=1#p3')).toBe('/t/abc?x=1#p3');
    expect(safeRedirectPath('/invite/tok')).toBe('/invite/tok');
  });

  it('falls back for missing, relative and off-site targets', () => {
    expect(safeRedirectPath(null)).toBe('/');
    expect(safeRedirectPath('')).toBe('/');
    expect(safeRedirectPath('t/abc')).toBe('/');
    expect(safeRedirectPath('https://evil.example/')).toBe('/');
    expect(safeRedirectPath('//evil.example/')).toBe('/');
    expect(safeRedirectPath('/\\evil.example/')).toBe('/');
    expect(safeRedirectPath('/\n/evil.example', '/account')).toBe('/account');
  });
});

describe('withNext', () => {
  it('adds an encoded next parameter', () => {
    expect(withNext('/login', '/t/a b?x=1')).toBe('/login?next=%2Ft%2Fa+b%3Fx%3D1');
  });

  it('leaves the page bare when returning home or when the target is unsafe', () => {
    expect(withNext('/login', '/')).toBe('/login');
    expect(withNext('/login', '//evil.example')).toBe('/login');
  });
});
