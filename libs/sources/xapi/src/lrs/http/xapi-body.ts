/** The body of an xAPI request, raw and (for JSON sent normally) as the framework already parsed it. */
export class XapiBody {
  private constructor(
    private readonly raw: Buffer | undefined,
    private readonly parsed: { value: unknown } | undefined,
  ) {}

  static empty(): XapiBody {
    return new XapiBody(undefined, undefined);
  }

  /** From the HTTP layer: `rawBody` is kept for JSON and forms, other types arrive as a Buffer or a string. */
  static fromHttp(body: unknown, rawBody: Buffer | undefined, isJson: boolean): XapiBody {
    if (Buffer.isBuffer(body)) return new XapiBody(body, undefined);
    if (typeof body === 'string') return new XapiBody(Buffer.from(body, 'utf8'), undefined);
    if (body === undefined || body === null) return new XapiBody(rawBody, undefined);
    return new XapiBody(rawBody ?? Buffer.from(JSON.stringify(body), 'utf8'), isJson ? { value: body } : undefined);
  }

  /** The `content` form parameter of the alternate request syntax. */
  static fromText(text: string | undefined): XapiBody {
    return new XapiBody(text === undefined ? undefined : Buffer.from(text, 'utf8'), undefined);
  }

  get isEmpty(): boolean {
    return (this.raw === undefined || this.raw.length === 0) && this.parsed === undefined;
  }

  get bytes(): Buffer {
    return this.raw ?? Buffer.alloc(0);
  }

  json(): { ok: true; value: unknown } | { ok: false } {
    if (this.parsed) return { ok: true, value: this.parsed.value };
    try {
      return { ok: true, value: JSON.parse(this.bytes.toString('utf8')) };
    } catch {
      return { ok: false };
    }
  }
}
