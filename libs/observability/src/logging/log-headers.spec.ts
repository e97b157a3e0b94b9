import { loggableHeaders, REDACTED } from './log-headers.js';

describe('loggableHeaders', () => {
  it('keeps harmless values and replaces every other one, whatever the header is called', () => {
    expect(
      loggableHeaders({
        'content-type': 'application/json',
        'user-agent': 'ALM',
        authorization: 'Basic YWxtOnNlY3JldA==',
        'x-alm-signature': 'sha256=abc',
        'x-any-token-name': 'the-token',
      }),
    ).toEqual({ 'content-type': 'application/json', 'user-agent': 'ALM', authorization: REDACTED, 'x-alm-signature': REDACTED, 'x-any-token-name': REDACTED });
  });
});
