/** The body of an xAPI request, raw and (for JSON sent normally) as the framework already parsed it. */
export class XapiBody {
  private constructor(
    private raw: Buffer | undefined,
    private readonly parsed: { value: unknown } | undefined,
    /** Bytes made from the parsed value only when somebody asks for them (a JSON POST never does). */
    private readonly serialize?: () => Buffer,
  ) {}

  static empty(): XapiBody {
    return new XapiBody(undefined, undefined);
  }

  /** From the HTTP layer: `rawBody` is kept for JSON and forms, other types arrive as a Buffer or a string. */
  static fromHttp(body: unknown, rawBody: Buffer | undefined, isJson: boolean): XapiBody {
    if (Buffer.isBuffer(body)) return new XapiBody(body, undefined);
    if (typeof body === 'string') return new XapiBody(Buffer.from(body, 'utf8'), undefined);
    if (body === undefined || body === null) return new XapiBody(rawBody, undefined);
    if (rawBody !== undefined) return new XapiBody(rawBody, isJson ? { value: body } : undefined);
    return new XapiBody(undefined, isJson ? { value: body } : undefined, () => Buffer.from(JSON.stringify(body), 'utf8'));
  }

  /** The `content` form parameter of the alternate request syntax. */
  static fromText(text: string | undefined): XapiBody {
    return new XapiBody(text === undefined ? undefined : Buffer.from(text, 'utf8'), undefined);
  }

  get isEmpty(): boolean {
    return this.parsed === undefined && this.bytes.length === 0;
  }

  get bytes(): Buffer {
    if (this.raw === undefined && this.serialize) this.raw = this.serialize();
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
