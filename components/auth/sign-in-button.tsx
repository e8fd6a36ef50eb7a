import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { signInWithPolar } from "@/lib/auth/actions";

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
    <ActionForm action={signInWithPolar} testId={`${testId}-form`}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Button type="submit" variant="primary" size="lg" data-testid={testId}>
        {label}
      </Button>
    </ActionForm>
  );
}
