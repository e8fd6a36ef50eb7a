/**
 * Security headers for every page and API response (finding 18.3), set by proxy.ts.
 *
 * Pages get a Content-Security-Policy with a fresh nonce per request. Next.js reads the nonce from the CSP on
 * the *request* and puts it on its own scripts; our one inline script (the theme boot in app/layout.tsx) reads
 * it from the `x-nonce` request header. 'strict-dynamic' lets those nonced scripts load Next's chunks.
 * Styles allow 'unsafe-inline': Recharts and the chart frames set inline `style` attributes, and a style cannot
 * run code (SECURITY.md says so). API responses are data, never documents: they get `default-src 'none'`.
 */

export const NONCE_HEADER = "x-nonce";

/** 16 random bytes, base64: unguessable and fresh for every request. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export type PagePolicyOptions = {
  nonce: string;
  /** `next dev` evaluates code (React's dev tools and HMR need 'unsafe-eval'); production never does. */
  isDevelopment: boolean;
  /** Where forms may go: the sign-in form's answer redirects to Polar's authorization page. */
  formActionOrigins: readonly string[];
  isHttps: boolean;
  /** `MAP_TILE_URL`, whose host the session map loads tile images from. */
  mapTileUrl?: string;
};

/**
 * The `img-src` source of a tile URL template: its origin, with a `{s}` subdomain as a wildcard
 * (`https://{s}.tile.example.org/{z}/{x}/{y}.png` → `https://*.tile.example.org`).
 */
export function toTileImageSource(template: string): string {
  const url = new URL(template.replaceAll("{s}", "subdomain-placeholder").replace(/\{[a-z]+\}/g, "0"));
  return `${url.protocol}//${url.host.replace("subdomain-placeholder", "*")}`;
}

export function buildPagePolicy(options: PagePolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${options.mapTileUrl ? ` ${toTileImageSource(options.mapTileUrl)}` : ""}`,
    "font-src 'self'",
    `connect-src 'self'${options.isDevelopment ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${options.formActionOrigins.map((origin) => ` ${origin}`).join("")}`,
    "frame-ancestors 'none'",
    ...(options.isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** JSON and file downloads: nothing in them may load or run, and nobody may frame them. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The headers of every API response (proxy.ts; the webhook route, which the proxy skips, sets them itself). */
export function setApiSecurityHeaders(headers: Headers, options: { isHttps: boolean }): void {
  headers.set("Content-Security-Policy", API_POLICY);
  setCommonSecurityHeaders(headers, options);
}

/** The headers besides the CSP, the same on pages and APIs. HSTS only when the app is served over https. */
export function setCommonSecurityHeaders(headers: Headers, options: { isHttps: boolean }): void {
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("X-Frame-Options", "DENY");
  // Paths carry athlete ids and report weeks: send only the origin to other sites, nothing over http.
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  if (options.isHttps) headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
}
