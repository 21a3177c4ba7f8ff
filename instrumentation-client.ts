import { z } from "zod";

/**
 * Runs in the browser before the app's own code. zod 4 probes whether `new Function` works to
 * compile fast validators; under the strict Content-Security-Policy (proxy.ts, no 'unsafe-eval')
 * that probe is refused and reported as a CSP violation, although zod falls back quietly. Telling
 * zod not to try keeps the browser's console and any CSP report free of false alarms.
 */
z.config({ jitless: true });
