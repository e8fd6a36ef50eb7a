import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { requireViewer, type Viewer } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError, fromZodError, isAppError, toErrorBody, type ActionResult } from "@/lib/errors";
import { checkSameOrigin } from "./same-origin";

/**
 * The one wrapper of every server action (issue 14 §4, issue 18 §8): the origin guard → the signed-in viewer
 * → the work → `ActionResult`. Expected failures (AppError, ZodError) come back as `{ ok: false, error }`;
 * unexpected ones are logged and come back as `internal`. Nothing is thrown at the form, except Next's own
 * control flow (`redirect()`, `notFound()`), which passes through untouched.
 *
 * Next's built-in server-action check compares Origin with Host but lets a request without Origin through;
 * browsers always send it, so a POST without one is a script, and it is refused here.
 */

type Work<T> = (viewer: Viewer) => Promise<T> | T;
type AnonymousWork<T> = () => Promise<T> | T;

/** Whether this action request comes from the app's own pages. */
async function assertActionOrigin(): Promise<void> {
  const verdict = checkSameOrigin(await headers(), getEnv().APP_URL);
  if (!verdict.ok) throw new AppError("forbidden", verdict.reason);
}

function toFailure(thrown: unknown): ActionResult<never> {
  const error = fromZodError(thrown);
  if (!isAppError(error)) console.error("Unexpected error in a server action", error instanceof Error ? error.name : typeof error);
  return { ok: false, error: toErrorBody(error).error };
}

/** Runs `work` for the signed-in viewer. */
export function action<T>(work: Work<T>): Promise<ActionResult<T>>;
/** Runs `work` without a viewer (signing in), still behind the origin guard. */
export function action<T>(options: { signedIn: false }, work: AnonymousWork<T>): Promise<ActionResult<T>>;
export async function action<T>(first: Work<T> | { signedIn: false }, second?: AnonymousWork<T>): Promise<ActionResult<T>> {
  try {
    await assertActionOrigin();
    if (typeof first === "function") return { ok: true, data: await first(await requireViewer()) };
    if (!second) throw new AppError("internal", "A server action has no work to do.");
    return { ok: true, data: await second() };
  } catch (error) {
    unstable_rethrow(error);
    return toFailure(error);
  }
}
