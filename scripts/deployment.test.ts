import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(`${root}/${file}`, 'utf8');

/** No Docker engine runs on our machines, so we check what can be checked of the deployment files. */
describe('deployment files', () => {
  const compose = parse(read('docker-compose.yml')) as {
    services: Record<string, { image?: string; build?: string; command?: string[]; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; healthcheck?: { test: string[] }; volumes?: string[] }>;
    volumes: Record<string, unknown>;
  };

  it('runs PostgreSQL 17 on a named volume, with a health check', () => {
    const db = compose.services.db!;
    expect(db.image).toBe('postgres:17');
    expect(db.volumes).toContain('verity-db:/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes)).toContain('verity-db');
    expect(db.healthcheck?.test.join(' ')).toContain('pg_isready');
  });

  it('runs the app from the Dockerfile against that database once it is healthy', () => {
    const app = compose.services.app!;
    expect(app.build).toBe('.');
    expect(app.depends_on?.db?.condition).toBe('service_healthy');
    expect(app.environment?.DATABASE_URL).toMatch(/^postgresql:\/\/verity:.*@db:5432\/verity$/);
    expect(app.environment?.HOST).toBe('0.0.0.0');
    expect(app.healthcheck?.test.join(' ')).toContain('/healthz');
  });

  it("starts the image with the README's start command", () => {
    const readme = read('README.md');
    expect(readme).toContain('npm install && npm start');
    const cmd = /^CMD (.+)$/m.exec(read('Dockerfile'))?.[1];
    expect(JSON.parse(cmd!)).toEqual(['npm', 'start']);
    expect(compose.services.app!.command).toEqual(['npm', 'start']);
  });
});
