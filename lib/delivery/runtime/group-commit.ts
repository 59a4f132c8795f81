/**
 * Group commit: the first item is written at once; items that arrive while a write is under way go
 * together in the next one. A lone item waits for nothing; a busy process pays one round trip per
 * batch instead of per item. If a batch fails, its items are tried one by one, so one bad item
 * fails alone and the rest are written.
 */
export class GroupCommit<TItem, TResult> {
  private queue: { item: TItem; resolve: (result: TResult) => void; reject: (error: Error) => void }[] = [];
  private isWriting = false;

  /** `write` returns one result per item, in order. */
  constructor(
    private readonly write: (items: TItem[]) => Promise<TResult[]>,
    private readonly maxBatch = 200,
  ) {}

  add(item: TItem): Promise<TResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.isWriting) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.isWriting = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.write(batch.map((q) => q.item));
        for (const [i, q] of batch.entries()) q.resolve(results[i] as TResult);
      } catch (error) {
        if (batch.length === 1) batch[0]?.reject(error as Error);
        else
          for (const q of batch)
            await this.write([q.item]).then(
              ([result]) => q.resolve(result as TResult),
              (e: Error) => q.reject(e),
            );
      }
    }
    this.isWriting = false;
  }
}
