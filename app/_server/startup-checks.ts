import { MISSING_SECRET_MESSAGE, missingProductionSecret } from "./auth-secret";

/**
 * A production server without a session secret would fail on the first sign-in, or tempt someone
 * into an insecure default: refuse to start instead, with a message that says what to set.
 * `next build` needs no secret, so the build phase is left alone.
 */
export function runStartupChecks(): void {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (missingProductionSecret()) {
    console.error(`\n${MISSING_SECRET_MESSAGE}\n`);
    process.exit(1);
  }
}
