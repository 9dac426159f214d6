// Reads by key that arrive together are answered by one statement. Under load, each request costs a round trip's
// fixed price (a write to the database socket, a statement, a wake-up on both sides) far more than its index
// lookup; keys asked for while a batch is in flight, or in the same turn of the event loop, share the next one.

export interface CoalesceOptions {
  /** Most keys in one batch. */
  maxBatch: number;
  /** Batches running at once; keys beyond wait for one to finish (and so join a larger batch). */
  maxInFlight: number;
}

interface Waiter<V> {
  resolve(value: V | undefined): void;
  reject(error: unknown): void;
}

/**
 * Returns `get(key)`, which resolves with what `loadMany` found for the key (undefined when it found nothing).
 * `loadMany` receives distinct keys and answers a map; a failure rejects every request of that batch.
 */
export function coalescing<K, V>(loadMany: (keys: K[]) => Promise<Map<K, V>>, options: CoalesceOptions): (key: K) => Promise<V | undefined> {
  let pending = new Map<K, Waiter<V>[]>();
  let scheduled = false;
  let inFlight = 0;

  const dispatch = () => {
    scheduled = false;
    while (pending.size > 0 && inFlight < options.maxInFlight) {
      const batch = takeBatch();
      inFlight++;
      loadMany([...batch.keys()]).then(
        (found) => batch.forEach((waiters, key) => waiters.forEach((w) => w.resolve(found.get(key)))),
        (error) => batch.forEach((waiters) => waiters.forEach((w) => w.reject(error))),
      ).finally(() => {
        inFlight--;
        schedule();
      });
    }
  };

  const takeBatch = (): Map<K, Waiter<V>[]> => {
    if (pending.size <= options.maxBatch) {
      const all = pending;
      pending = new Map();
      return all;
    }
    const batch = new Map<K, Waiter<V>[]>();
    for (const [key, waiters] of pending) {
      if (batch.size === options.maxBatch) break;
      batch.set(key, waiters);
      pending.delete(key);
    }
    return batch;
  };

  const schedule = () => {
    if (scheduled || pending.size === 0 || inFlight >= options.maxInFlight) return;
    scheduled = true;
    setImmediate(dispatch);
  };

  return (key: K) => new Promise<V | undefined>((resolve, reject) => {
    const waiters = pending.get(key);
    if (waiters) waiters.push({ resolve, reject });
    else pending.set(key, [{ resolve, reject }]);
    schedule();
  });
}
