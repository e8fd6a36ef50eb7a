import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/auth/actions";

export function SignOutButton() {
  return (
    <ActionForm action={signOutAction} testId="sign-out-form">
      <Button type="submit" variant="quiet" size="sm" data-testid="sign-out">
        Sign out
      </Button>
    </ActionForm>
  );
}
