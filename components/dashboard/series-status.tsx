/** Shown above range-driven charts: loading a new range, or the range could not be loaded. */
export function SeriesStatus({ isFetching, isError }: { isFetching: boolean; isError: boolean }) {
  if (isError) {
    return (
      <p role="alert" className="text-sm text-high">
        <span aria-hidden>⚠ </span>This range could not be loaded. Try again or pick another range.
      </p>
    );
  }
  return (
    <p className="h-5 text-xs text-muted" aria-live="polite" data-testid="series-loading" data-loading={isFetching ? "true" : "false"}>
      {isFetching ? "Loading range…" : ""}
    </p>
  );
}
