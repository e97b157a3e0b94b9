import passport from 'passport';

export type BasicVerify = (request: unknown, username: string, password: string, done: (err: unknown, user?: unknown) => void) => void;

/**
 * A minimal HTTP Basic strategy for passport (RFC 7617): it only reads the credentials and leaves verification to the
 * callback. Malformed or missing credentials fail with the Basic challenge, so passport can try the next strategy.
 */
export class BasicCredentialsStrategy extends passport.Strategy {
  override name = 'basic';

  constructor(private readonly verify: BasicVerify) {
    super();
  }

  override authenticate(request: { headers: Record<string, string | string[] | undefined> }): void {
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
    const decoded = match ? Buffer.from(match[1] as string, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    if (colon <= 0) {
      this.fail('Basic realm="learning-hub-xapi"', 401);
      return;
    }
    this.verify(request, decoded.slice(0, colon), decoded.slice(colon + 1), (err, user) => {
      if (err) this.error(err);
      else if (user) this.success(user);
      else this.fail('Basic realm="learning-hub-xapi"', 401);
    });
  }
}
