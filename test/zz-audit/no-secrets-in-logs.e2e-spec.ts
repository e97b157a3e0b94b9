import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hub } from '../support/hub.js';

describe('the logs of this test run', () => {
  it('contain no secret, token, key or password the run used', () => {
    const { dir, adminToken } = hub();
    const secretsFile = join(dir, 'secrets.txt');
    const secrets = [adminToken, ...(existsSync(secretsFile) ? readFileSync(secretsFile, 'utf8').split('\n') : [])].filter((s) => s.length >= 8);
    const logs = readdirSync(join(dir, 'logs')).map((name) => ({ name, text: readFileSync(join(dir, 'logs', name), 'utf8') }));
    expect(logs.length).toBeGreaterThan(0);
    // The processes did log the authenticated requests these secrets were sent with.
    expect(logs.some((l) => l.text.includes('"url":"/api/v1/events"'))).toBe(true);
    expect(secrets.length).toBeGreaterThan(1);
    const leaks = logs.flatMap(({ name, text }) => secrets.filter((s) => text.includes(s)).map((s) => `${name}: ${s.slice(0, 6)}…`));
    expect(leaks).toEqual([]);
  });
});
