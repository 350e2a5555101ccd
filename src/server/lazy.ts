/**
 * A module or a costly object made on first use rather than at start (the spreadsheet libraries, the API docs
 * UI): one promise shared by every caller, and a failed load is tried again by the next one.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    }));
}
