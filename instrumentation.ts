/**
 * Runs once when a server process starts. The Node.js-only checks live in a module imported only
 * for the Node.js runtime (the documented pattern), so the Edge bundle never sees process.exit.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { runStartupChecks } = await import("./app/_server/startup-checks");
    runStartupChecks();
  }
}
