import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInButton } from "@/components/auth/sign-in-button";
import { toSafeCallbackPath } from "@/lib/auth/callback-url";
import { getViewer } from "@/lib/auth/session";
import { SIGN_IN_ERROR_MESSAGES, toSignInErrorCode } from "@/lib/auth/sign-in-errors";

export const metadata: Metadata = { title: "Sign in" };

const DELETED_NOTICES: Record<string, string> = {
  deregistered: "Your account was deleted and Threshold was disconnected from your Polar account.",
  pending:
    "Your account was deleted here. Polar could not be reached to disconnect Threshold; we keep retrying that automatically.",
  not_connected: "Your account was deleted.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = first(params.callbackUrl);
  const safeCallback = toSafeCallbackPath(callbackUrl);
  if (await getViewer()) redirect(safeCallback);

  const errorCode = toSignInErrorCode(first(params.error));
  const deleted = first(params.deleted);
  const deletedNotice = deleted ? DELETED_NOTICES[deleted] : undefined;

  return (
    <div className="mx-auto max-w-md space-y-6 pt-6">
      <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
      {deletedNotice ? (
        <p role="status" data-testid="account-deleted" data-state={deleted} className="rounded-md border border-border p-3 text-sm">
          {deletedNotice}
        </p>
      ) : null}
      {errorCode ? (
        <p role="alert" data-testid="signin-error" data-code={errorCode} className="rounded-md border border-high p-3 text-sm text-high">
          {SIGN_IN_ERROR_MESSAGES[errorCode]}
        </p>
      ) : null}
      <p className="text-muted">
        Threshold signs you in with your Polar Flow account and reads your training, sleep and recovery data through
        Polar AccessLink. Polar shares no e-mail address with us; your Polar user id is your identity here.
      </p>
      <SignInButton callbackUrl={safeCallback} />
    </div>
  );
}
