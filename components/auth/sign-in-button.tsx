import { signInWithPolar } from "@/app/signin/actions";

/** Starts Polar OAuth; also the "Reconnect with Polar" fix, since a new sign-in stores a fresh token. */
export function SignInButton({
  callbackUrl = "/dashboard",
  label = "Sign in with Polar",
  testId = "signin-polar",
}: {
  callbackUrl?: string;
  label?: string;
  testId?: string;
}) {
  return (
    <form action={signInWithPolar}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <button
        type="submit"
        className="rounded-md bg-accent px-4 py-2 font-medium text-accent-fg hover:opacity-90"
        data-testid={testId}
      >
        {label}
      </button>
    </form>
  );
}
