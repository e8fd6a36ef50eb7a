import { config } from "zod/v4/core";

/**
 * Imported for its effect by the client's query provider, before any schema parses in the browser. Zod 4
 * probes whether it may compile parsers with `new Function("")`; under our CSP (no 'unsafe-eval', see
 * security-headers.ts) the browser refuses the probe and reports it as a CSP violation even though Zod catches
 * it. Jitless parsing skips the probe; the schemas parsed client-side are small, so speed is unchanged.
 */
config({ jitless: true });
