/**
 * Runs once when a server process starts. The Node.js-only checks live in a module imported only
 * for the Node.js runtime (the documented pattern), so the Edge bundle never sees process.exit.
 * Then the server's own job runner starts (unless WORKER=off), which also picks up a job an
 * earlier process was running when it stopped.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { runStartupChecks } = await import("./app/_server/startup-checks");
    runStartupChecks();
    const { startInProcessJobs } = await import("./app/_server/jobs");
    startInProcessJobs();
  }
}
