import { signInWithPolar } from "@/app/signin/actions";
import { Button } from "@/components/ui/button";

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
      <Button
        type="submit"
        variant="primary"
        size="lg"
        data-testid={testId}
      >
        {label}
      </Button>
    </form>
  );
}
