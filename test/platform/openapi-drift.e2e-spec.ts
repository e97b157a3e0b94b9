import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

describe('the committed openapi.json', () => {
  it('matches what the built API serves (run `npm run openapi` after changing a route or DTO)', () => {
    const script = fileURLToPath(new URL('../../dist/apps/api/src/write-openapi.js', import.meta.url));
    const output = execFileSync(process.execPath, [script, '--check'], { env: { ...process.env, HUB_ADMIN_TOKEN: 'unused-in-preview-mode' }, encoding: 'utf8' });
    expect(output).toContain('up to date');
  });
});
