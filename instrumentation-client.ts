// zod/v4/core's config alone: `import { z } from "zod"` here put all of zod (29 KB gzipped) in every
// page's script, the public pages' included, which validate nothing. Same settings object as "zod".
import { config } from "zod/v4/core";

/**
 * Runs in the browser before the app's own code. zod 4 probes whether `new Function` works to
 * compile fast validators; under the strict Content-Security-Policy (proxy.ts, no 'unsafe-eval')
 * that probe is refused and reported as a CSP violation, although zod falls back quietly. Telling
 * zod not to try keeps the browser's console and any CSP report free of false alarms.
 */
config({ jitless: true });
