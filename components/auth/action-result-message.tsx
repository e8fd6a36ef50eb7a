import type { ActionResult } from "@/lib/errors";

/** The outcome of a server action, announced to screen readers. */
export function ActionResultMessage<T>({
  result,
  success,
  testId,
}: {
  result: ActionResult<T> | null;
  success: string;
  testId: string;
}) {
  if (!result) return null;
  return (
    <p
      role={result.ok ? "status" : "alert"}
      data-testid={testId}
      data-state={result.ok ? "ok" : "error"}
      className={`text-sm ${result.ok ? "text-ok" : "text-high"}`}
    >
      {result.ok ? success : result.error.message}
    </p>
  );
}
