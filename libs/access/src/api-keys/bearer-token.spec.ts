import { bearerToken } from './bearer-token.js';

describe('bearerToken', () => {
  it('reads Authorization: Bearer, whatever the case of the scheme', () => {
    expect(bearerToken({ headers: { authorization: 'Bearer lhk_abc' } })).toBe('lhk_abc');
    expect(bearerToken({ headers: { authorization: 'bearer lhk_abc' } })).toBe('lhk_abc');
  });

  it('reads an access_token body field or query parameter', () => {
    expect(bearerToken({ headers: {}, body: { access_token: 'lhk_b' } })).toBe('lhk_b');
    expect(bearerToken({ headers: {}, query: { access_token: 'lhk_q' } })).toBe('lhk_q');
  });

  it('finds no key in a malformed header, another scheme, two places, or nothing', () => {
    expect(bearerToken({ headers: { authorization: 'Bearer' } })).toBeUndefined();
    expect(bearerToken({ headers: { authorization: 'Bearer a b' } })).toBeUndefined();
    expect(bearerToken({ headers: { authorization: 'Basic dXNlcjpwYXNz' } })).toBeUndefined();
    expect(bearerToken({ headers: { authorization: 'Bearer lhk_a' }, query: { access_token: 'lhk_q' } })).toBeUndefined();
    expect(bearerToken({ headers: {}, body: [{ PublisherEventId: 'x' }] })).toBeUndefined();
    expect(bearerToken({ headers: {} })).toBeUndefined();
  });
});
