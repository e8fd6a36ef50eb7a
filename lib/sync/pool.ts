/**
 * Runs `handle` over `items` with at most `limit` in flight, in order of start. Workers stop taking new items
 * once `stop()` says so (the items already started finish). The sync's item fetches and the sync bench's
 * download-only pass share it, so both fetch the same way.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  handle: (item: T) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (!stop() && next < items.length) {
      const item = items[next];
      next += 1;
      await handle(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
}
