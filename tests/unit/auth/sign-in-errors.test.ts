import { CallbackRouteError, InvalidCheck, OAuthAccountNotLinked, OAuthCallbackError } from "@auth/core/errors";
import { describe, expect, it, vi } from "vitest";
import {
  authLogger,
  classifySignInError,
  toSignInErrorCode,
  withSignInErrorCodes,
} from "@/lib/auth/sign-in-errors";

/**
 * Shaped like oauth4webapi's ResponseBodyError (code, error), which Auth.js wraps in CallbackRouteError. The
 * name is what a minified production bundle leaves of the class name.
 */
function oauthResponseBodyError(error: string): Error {
  return Object.assign(new Error("server responded with an error in the response body"), {
    name: "e",
    code: "OAUTH_RESPONSE_BODY_ERROR",
    error,
    status: 400,
  });
}

/**
 * What Auth.js's callback does with a failure: `new CallbackRouteError(error)`, which stores it as `cause.err`.
 * Its published types only admit a string message, hence the constructor cast.
 */
const WrappingCallbackRouteError = CallbackRouteError as unknown as new (inner: Error) => CallbackRouteError;
function callbackRouteError(inner: Error): CallbackRouteError {
  return new WrappingCallbackRouteError(inner);
}

function unexpectedStateError(): Error {
  return Object.assign(new Error('unexpected "state" response parameter value'), { code: "OAUTH_INVALID_RESPONSE" });
}

describe("classifySignInError", () => {
  it.each([
    ["a missing or unreadable state cookie", new InvalidCheck("state value could not be parsed"), "state_mismatch"],
    ["a state that differs from the cookie", callbackRouteError(unexpectedStateError()), "state_mismatch"],
    ["a reused or expired code (invalid_grant)", callbackRouteError(oauthResponseBodyError("invalid_grant")), "code_rejected"],
    ["another token endpoint error", callbackRouteError(oauthResponseBodyError("invalid_client")), "sign_in_failed"],
    [
      "the athlete pressing Deny",
      // Auth.js passes the provider's parameters as ErrorOptions, which drops them: only the type is left.
      new OAuthCallbackError("OAuth Provider returned an error"),
      "access_denied",
    ],
    ["a Polar account already linked elsewhere", new OAuthAccountNotLinked("linked"), "account_conflict"],
    ["an unreachable token endpoint", callbackRouteError(new TypeError("fetch failed")), "polar_unreachable"],
    ["anything else", new Error("boom"), "sign_in_failed"],
  ])("%s → %s", (_label, error, expected) => {
    expect(classifySignInError(error)).toBe(expected);
  });
});

describe("toSignInErrorCode", () => {
  it.each([
    [undefined, null],
    ["", null],
    ["code_rejected", "code_rejected"],
    ["AccessDenied", "access_denied"],
    ["OAuthAccountNotLinked", "account_conflict"],
    ["Configuration", "sign_in_failed"],
    ["<script>", "sign_in_failed"],
  ])("%j → %j", (value, expected) => {
    expect(toSignInErrorCode(value)).toBe(expected);
  });
});

describe("withSignInErrorCodes", () => {
  it("replaces Auth.js's generic error with the classified reason of this request", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const handler = withSignInErrorCodes(async () => {
      authLogger.error(callbackRouteError(oauthResponseBodyError("invalid_grant")));
      return Response.redirect("http://localhost:3999/signin?error=Configuration", 302);
    });
    const response = await handler(new Request("http://localhost:3999/api/auth/callback/polar?code=c&state=s"));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://localhost:3999/signin?error=code_rejected");
    // The log line names the error class and our code only, never the request's code or state.
    expect(spy).toHaveBeenCalledWith("[auth] CallbackRouteError: code_rejected");
    spy.mockRestore();
  });

  it("leaves successful redirects alone", async () => {
    const handler = withSignInErrorCodes(async () => Response.redirect("http://localhost:3999/dashboard", 302));
    const response = await handler(new Request("http://localhost:3999/api/auth/callback/polar?code=c&state=s"));
    expect(response.headers.get("location")).toBe("http://localhost:3999/dashboard");
  });
});
