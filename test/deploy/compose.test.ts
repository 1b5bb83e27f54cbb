import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

// docker-compose.yml against what the service reads: each Justin service's settings must load, as the roles the
// README describes, on the compose file's own Postgres. (Docker itself is not run here.)
const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8'), { merge: true }) as {
  services: Record<string, { environment?: Record<string, string>; ports?: string[]; build?: string }>;
};
const resolve = (env: Record<string, string>) =>
  Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replace(/\$\{(\w+):-([^}]*)\}/g, '$2')]));

describe('docker-compose.yml', () => {
  it('runs a web and a worker process from this repository, on its own Postgres', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['postgres', 'web', 'worker']);
    for (const [name, role] of [
      ['web', 'web'],
      ['worker', 'worker'],
    ] as const) {
      const service = compose.services[name]!;
      expect(service.build).toBe('.');
      const config = loadConfig(resolve(service.environment!));
      expect(config.role).toBe(role);
      expect(config.database.url).toBe('postgres://justin:justin@postgres:5432/justin');
      expect(config.http.host).toBe('0.0.0.0'); // reachable from outside its container
    }
    // Published on this machine only: the status page and /metrics need no token by default.
    expect(compose.services.web!.ports).toEqual(['127.0.0.1:3000:3000']);
    expect(compose.services.worker!.ports).toBeUndefined();
  });
});
