/**
 * Group commit for the imc consumer: messages handed to it in one turn of the event loop (rhea dispatches every
 * transfer of a socket read synchronously) go on together, and while `maxInFlight` batches are on their way the
 * newcomers wait and go in the next one. So the busier the consumer, the bigger its batches, and a lone message waits
 * for nothing but the end of the current turn. A batch holds at most `maxBatch`. Each caller's promise settles with
 * its batch: resolved once the whole batch is in the pipeline, rejected when it is not.
 */
export class ImcAcceptBatcher<T> {
  private pending: { item: T; resolve: () => void; reject: (err: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly handOn: (items: T[]) => Promise<unknown>,
    private readonly maxBatch: number,
    private readonly maxInFlight = 2,
  ) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxBatch) this.flush();
      else this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.pending.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.inFlight < this.maxInFlight) this.flush();
    });
  }

  private flush(): void {
    const batch = this.pending.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    this.inFlight += 1;
    this.handOn(batch.map((p) => p.item))
      .then(
        () => batch.forEach((p) => p.resolve()),
        (err: unknown) => batch.forEach((p) => p.reject(err)),
      )
      .finally(() => {
        this.inFlight -= 1;
        this.schedule();
      });
  }
}
