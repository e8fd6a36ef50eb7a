import { signOutAction } from "@/app/signin/actions";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <Button
        type="submit"
        variant="quiet"
        size="sm"
        data-testid="sign-out"
      >
        Sign out
      </Button>
    </form>
  );
}
