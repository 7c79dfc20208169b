import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('needs no environment at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: path.resolve('.verity'),
      embeddedDbPort: 54329,
      publicUrl: 'http://localhost:3000',
      isOpenSignup: false,
      hasSecureCookies: false,
      maxUploadBytes: 20 * 1024 * 1024,
      maxMediaBytes: 4096 * 1024 * 1024,
    });
  });

  it('reads the recording size limit in MB and refuses a nonsensical one', () => {
    expect(loadConfig({ VERITY_MAX_MEDIA_MB: '0.5' }).maxMediaBytes).toBe(512 * 1024);
    expect(() => loadConfig({ VERITY_MAX_MEDIA_MB: '-1' })).toThrow(/VERITY_MAX_MEDIA_MB/);
    expect(() => loadConfig({ VERITY_MAX_MEDIA_MB: 'lots' })).toThrow(/VERITY_MAX_MEDIA_MB/);
  });

  it('keeps attach-by-URL off private addresses unless a test opts in', () => {
    expect(loadConfig({}).isMediaUrlPrivateAllowed).toBe(false);
    expect(loadConfig({ VERITY_MEDIA_URL_ALLOW_PRIVATE: 'true' }).isMediaUrlPrivateAllowed).toBe(true);
    expect(() => loadConfig({ VERITY_MEDIA_URL_ALLOW_PRIVATE: 'sometimes' })).toThrow(/VERITY_MEDIA_URL_ALLOW_PRIVATE/);
  });

  it('reads every variable, treats empty ones as unset, and turns on secure cookies for https', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgresql://u:p@db:5432/verity', VERITY_PUBLIC_URL: 'https://verity.example.org/', VERITY_OPEN_SIGNUP: 'true', VERITY_DATA_DIR: '', VERITY_MAX_UPLOAD_MB: '5' });
    expect(config).toMatchObject({ port: 8080, databaseUrl: 'postgresql://u:p@db:5432/verity', publicUrl: 'https://verity.example.org', isOpenSignup: true, hasSecureCookies: true, dataDir: path.resolve('.verity'), maxUploadBytes: 5 * 1024 * 1024 });
  });

  it('names every bad variable in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', VERITY_OPEN_SIGNUP: 'maybe' })).toThrow(/PORT: .*; VERITY_OPEN_SIGNUP: /);
  });
});
