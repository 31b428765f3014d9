import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import {
  composeService,
  dockerStage,
  execForm,
  interpolate,
  lastArgs,
  parseVolume,
  projectRoot,
  readCompose,
  readDockerfile,
  serviceEnvironment,
  stageEnvironment,
} from '../container-files.js';

// What `docker compose` is given: the password compose.yaml insists on, nothing else.
const composeVariables = { POSTGRES_PASSWORD: 'a-test-password' };

const compose = readCompose();
const runtime = dockerStage(readDockerfile(), 'runtime');
/** The services that run the gateway's image: each builds it. */
const gatewayServices = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);

/** The names among these that the gateway's configuration does not read. */
function namesNotAccepted(environment: Record<string, string>): string[] {
  const config = loadConfig(environment) as Record<string, unknown>;
  return Object.keys(environment).filter((name) => !(name in config));
}

describe('compose.yaml', () => {
  it('runs the image as serve and as worker', () => {
    expect(gatewayServices.map(([name, service]) => [name, service.command])).toEqual([
      ['gateway', ['serve']],
      ['worker', ['worker']],
    ]);
    expect(composeService(compose, 'worker').deploy?.replicas).toBeGreaterThan(1);
  });

  it.each(gatewayServices)(
    '%s: every environment variable is one the configuration accepts, with a valid value',
    (_, service) => {
      const environment = serviceEnvironment(service, composeVariables);
      expect(Object.keys(environment).length).toBeGreaterThan(0);
      expect(namesNotAccepted(environment)).toEqual([]);
      expect(loadConfig(environment)).toMatchObject({
        DATABASE_URL: 'postgres://edi:a-test-password@postgres:5432/edi',
        REDIS_URL: 'redis://redis:6379',
      });
    },
  );

  it('would catch a misspelt name: the check is not vacuous', () => {
    expect(namesNotAccepted({ PARTNER_DIR: '/app/partners', PORT: '8080' })).toEqual(['PARTNER_DIR']);
  });

  it('stops on a missing POSTGRES_PASSWORD instead of starting with an empty one', () => {
    expect(() => serviceEnvironment(composeService(compose, 'gateway'), {})).toThrow(
      'compose.yaml needs POSTGRES_PASSWORD',
    );
    expect(interpolate('${LOG_LEVEL:-info} $$HOME ${X-}', {})).toBe('info $HOME ');
  });

  it.each(gatewayServices)(
    '%s: partners and mappings are mounted read-only, the data directory is a named volume',
    (_, service) => {
      const environment = { ...stageEnvironment(runtime), ...serviceEnvironment(service, composeVariables) };
      const volumes = (service.volumes ?? []).map(parseVolume);
      const at = (target: string | undefined) => volumes.find((v) => v.target === target);
      expect(at(environment['PARTNERS_DIR'])).toEqual({
        source: './partners',
        target: '/app/partners',
        readOnly: true,
      });
      expect(at(environment['MAPPINGS_DIR'])).toMatchObject({ source: './mappings', readOnly: true });
      const data = at(environment['DATA_DIR']);
      expect(data).toMatchObject({ readOnly: false });
      expect(Object.keys(compose.volumes ?? {})).toContain(data?.source);
    },
  );

  it('starts the gateway services after PostgreSQL and Redis report healthy', () => {
    for (const [, service] of gatewayServices) {
      expect(service.depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
    expect(composeService(compose, 'postgres').healthcheck?.test).toBeDefined();
    expect(composeService(compose, 'redis').healthcheck?.test).toBeDefined();
    // The image's /readyz check is the gateway's; a worker has no HTTP to ask.
    expect(composeService(compose, 'gateway').healthcheck).toBeUndefined();
    expect(composeService(compose, 'worker').healthcheck).toEqual({ disable: true });
  });

  it('publishes the port the gateway listens on, which the image exposes', () => {
    const gateway = composeService(compose, 'gateway');
    const port = serviceEnvironment(gateway, composeVariables)['PORT'];
    expect(port).toBe(lastArgs(runtime, 'EXPOSE'));
    expect(gateway.ports?.map((p) => interpolate(p, composeVariables).split(':').at(-1))).toEqual([port]);
  });

  it('starts Redis with noeviction and an append-only file synced every second', () => {
    const command = composeService(compose, 'redis').command ?? [];
    const setting = (name: string) => command[command.indexOf(`--${name}`) + 1];
    expect(command[0]).toBe('redis-server');
    expect(setting('maxmemory-policy')).toBe('noeviction');
    expect(setting('appendonly')).toBe('yes');
    expect(setting('appendfsync')).toBe('everysec');
  });
});

describe('Dockerfile', () => {
  it('sets only configuration names the gateway accepts (and NODE_ENV)', () => {
    const { NODE_ENV, ...environment } = stageEnvironment(runtime);
    expect(NODE_ENV).toBe('production');
    expect(namesNotAccepted(environment)).toEqual([]);
  });

  it('runs as an unprivileged user, starts serve through node itself, checks /readyz', () => {
    expect(lastArgs(runtime, 'USER')).toBe('node');
    // node as the process, not npm: npm does not pass SIGTERM on to the gateway.
    expect(execForm(lastArgs(runtime, 'ENTRYPOINT'))).toEqual(['node', '/app/bin/edi-gateway.js']);
    expect(execForm(lastArgs(runtime, 'CMD'))).toEqual(['serve']);
    expect(lastArgs(runtime, 'HEALTHCHECK')).toMatch(/ CMD \["node", "\/app\/bin\/healthcheck\.js"\]$/);
    expect(execForm(lastArgs(runtime, 'VOLUME'))).toEqual([stageEnvironment(runtime)['DATA_DIR']]);
  });

  it('installs runtime dependencies without running package scripts (prepare would build)', () => {
    const installs = runtime.instructions.filter((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args));
    expect(installs.map((i) => i.args)).toEqual([
      expect.stringMatching(/^npm ci --omit=dev --ignore-scripts /),
    ]);
  });

  it('copies from the build context only what .dockerignore lets in', () => {
    const ignore = readFileSync(join(projectRoot, '.dockerignore'), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    // Everything is left out but what is named: a new file in the project never leaks in.
    expect(ignore[0]).toBe('*');
    const admitted = ignore.filter((line) => line.startsWith('!')).map((line) => line.slice(1));
    const sources = readDockerfile()
      .flatMap((stage) => stage.instructions)
      .filter((i) => i.keyword === 'COPY' && !/(^|\s)--from=/.test(i.args))
      .flatMap((i) =>
        i.args
          .split(/\s+/)
          .filter((word) => !word.startsWith('--'))
          .slice(0, -1),
      );
    expect(sources).toContain('src');
    const left = sources.filter(
      (source) => !admitted.some((pattern) => source === pattern.replace(/\/$/, '')),
    );
    expect(left).toEqual([]);
  });
});
