/**
 * `me` in a URL or an API call means the signed-in athlete. The one constant for it: lib/dal/access.ts
 * resolves it, client code (query options, hooks) sends it. No server imports, so both sides can use it.
 */
export const SELF = "me";
