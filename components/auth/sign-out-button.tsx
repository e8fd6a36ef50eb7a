import { signOutAction } from "@/app/signin/actions";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button
        type="submit"
        className="rounded-md border border-border px-2 py-1 text-sm text-muted hover:text-fg"
        data-testid="sign-out"
      >
        Sign out
      </button>
    </form>
  );
}
