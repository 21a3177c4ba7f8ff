import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authSecret, MISSING_SECRET_MESSAGE } from "./auth-secret";
import { runStartupChecks } from "./startup-checks";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function withoutSecrets(nodeEnv: string) {
  vi.stubEnv("NODE_ENV", nodeEnv);
  vi.stubEnv("AUTH_SECRET", "");
  vi.stubEnv("NEXTAUTH_SECRET", "");
  vi.stubEnv("NEXT_PHASE", "");
}

describe("session secret", () => {
  it("uses AUTH_SECRET, else NEXTAUTH_SECRET", () => {
    withoutSecrets("production");
    vi.stubEnv("NEXTAUTH_SECRET", "from-nextauth");
    expect(authSecret()).toBe("from-nextauth");
    vi.stubEnv("AUTH_SECRET", "from-auth");
    expect(authSecret()).toBe("from-auth");
  });

  it("refuses to start a production server without one, saying what to set", () => {
    withoutSecrets("production");
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    runStartupChecks();
    expect(exit).toHaveBeenCalledWith(1);
    expect(log.mock.calls[0][0]).toContain("AUTH_SECRET（或 NEXTAUTH_SECRET）未设置");
    expect(() => authSecret()).toThrow(MISSING_SECRET_MESSAGE);
  });

  it("lets `next build` run without one", () => {
    withoutSecrets("production");
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    runStartupChecks();
    expect(exit).not.toHaveBeenCalled();
  });

  it("generates one in development and keeps it, so sessions survive a restart", () => {
    withoutSecrets("development");
    const dir = mkdtempSync(path.join(tmpdir(), "bdw-secret-"));
    vi.spyOn(process, "cwd").mockReturnValue(dir);
    const first = authSecret();
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(authSecret()).toBe(first);
    expect(readFileSync(path.join(dir, ".data", "dev-auth-secret"), "utf8")).toBe(first);
  });
});
