import { parseRoles } from './app.config.js';

describe('parseRoles', () => {
  it('reads a comma-separated role list', () => {
    expect(parseRoles('api, worker')).toEqual(['api', 'worker']);
  });
  it('refuses an unknown role so a typo cannot start a process that does nothing', () => {
    expect(() => parseRoles('api,wroker')).toThrow(/wroker/);
  });
});
