"use server";

import { signIn, signOut } from "@/lib/auth";
import { toSafeCallbackPath } from "@/lib/auth/callback-url";
import { AppError, type ActionResult } from "@/lib/errors";
import { action } from "@/lib/http/action";
import { consumeSignInStart } from "@/lib/http/sign-in-limit";


/** Starts Polar OAuth (Auth.js redirects the browser to Polar's authorization page). */
export async function signInWithPolar(_previous: ActionResult<never> | null, formData: FormData): Promise<ActionResult<never>> {
  // Through /welcome, which asks for a display name when Polar gave none, then continues to the page.
  const redirectTo = `/welcome?callbackUrl=${encodeURIComponent(toSafeCallbackPath(formData.get("callbackUrl")))}`;
  return action({ signedIn: false }, async () => {
    // Each start costs a Polar authorization round trip: counted per client address (SECURITY.md).
    const limit = await consumeSignInStart();
    if (!limit.ok) {
      throw new AppError("rate_limited", `Too many sign-ins were started from your network. Try again in ${limit.retryAfterSeconds} s.`, {
        retryAfterSeconds: limit.retryAfterSeconds,
      });
    }
    return signIn("polar", { redirectTo });
  });
}

/** Ends the database session and clears the cookie. */
export async function signOutAction(): Promise<ActionResult<never>> {
  return action({ signedIn: false }, () => signOut({ redirectTo: "/" }));
}
