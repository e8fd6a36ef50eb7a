"use client";

import { useActionState, type ReactNode } from "react";
import { ActionResultMessage } from "@/components/auth/action-result-message";
import type { ActionResult } from "@/lib/errors";

/** A server action as a form runs it (lib/http/action.ts): the previous result, the form's fields, a result. */
export type FormAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/**
 * A form around one server action whose fields and button come from the page (a Server Component). A failure
 * is announced under the button; success usually redirects or revalidates the page, so it shows nothing
 * unless `success` says what to show.
 */
export function ActionForm<T>({
  action,
  children,
  className,
  testId,
  success,
}: {
  action: FormAction<T>;
  children: ReactNode;
  className?: string;
  /** `data-testid` of the form; the result message gets `${testId}-result`. */
  testId?: string;
  success?: string;
}) {
  const [result, formAction] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const shown = result && (!result.ok || success) ? result : null;
  return (
    <form action={formAction} className={className} data-testid={testId}>
      {children}
      <ActionResultMessage result={shown} success={success ?? ""} testId={`${testId ?? "action"}-result`} />
    </form>
  );
}
