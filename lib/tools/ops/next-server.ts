import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { encodeSessionToken } from "../../auth/session-token";

/**
 * The production server as the fault test and the load bench drive it: `next start` on a build
 * (NEXT_DIST_DIR), its server actions called over HTTP the way the browser calls them (POST to the
 * page with the action's id), signed in with a session cookie made with the server's secret.
 */

export const ROOT = path.resolve(import.meta.dirname, "../../..");

export function buildExists(distDir: string): boolean {
  return existsSync(path.join(ROOT, distDir, "BUILD_ID"));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type RunningServer = {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
  kill: () => Promise<void>;
};

/** Starts `next start` and waits until /api/health answers (or the process dies, or time runs out). */
export async function startServer(opts: {
  distDir: string;
  env: Record<string, string>;
  port?: number;
  timeoutMs?: number;
  nodeArgs?: string[];
}): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: opts.distDir,
        NEXTAUTH_URL: url,
        ...opts.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const until = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`next start exited early:\n${log.slice(-2000)}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      child.kill("SIGKILL");
      throw new Error(`next start did not answer in time:\n${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, child, output: () => log, stop: () => end("SIGTERM"), kill: () => end("SIGKILL") };
}

/** The id the build gave a server action (React calls it with this in the Next-Action header). */
export function actionId(distDir: string, file: string, exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, distDir, "server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!found) throw new Error(`server action ${exportedName} of ${file} is not in the build (${distDir})`);
  return found[0];
}

/**
 * A session cookie as next-auth would set it after a sign-in (the claims of auth-options.ts), for
 * a session started in the server's database (db/queries/sessions.ts startSession).
 */
export async function sessionCookie(
  secret: string,
  user: { id: string; name: string; role: string; sessionId: string; sessionVersion?: number },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token = await encodeSessionToken({
    token: {
      sub: user.id,
      name: user.name,
      role: user.role,
      sv: user.sessionVersion ?? 1,
      sid: user.sessionId,
      sat: now,
      lst: now,
      mcp: false,
    },
    secret,
    maxAge: 12 * 3600,
  });
  return `next-auth.session-token=${token}`;
}

export type ActionAnswer = {
  status: number;
  outcome: { ok: boolean; code?: string; formError?: string; data?: unknown } | null;
  text: string;
};

/**
 * Calls a server action as the browser does: POST to the page, Next-Action header, the arguments
 * as JSON text (React's encoding of plain data; strings starting with "$" are escaped as "$$").
 * The answer is React's flight stream: line "1:" carries the action's return value.
 */
export async function callAction(
  url: string,
  page: string,
  id: string,
  cookie: string,
  arg: unknown,
): Promise<ActionAnswer> {
  const body = JSON.stringify([arg], (_k, v: unknown) => (typeof v === "string" && v.startsWith("$") ? `$${v}` : v));
  const res = await fetch(`${url}${page}`, {
    method: "POST",
    headers: {
      "Next-Action": id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Cookie: cookie,
      Origin: url,
    },
    body,
  });
  const text = await res.text();
  const line = text.split("\n").find((l) => l.startsWith("1:"));
  let outcome: ActionAnswer["outcome"] = null;
  try {
    outcome = line ? (JSON.parse(line.slice(2)) as ActionAnswer["outcome"]) : null;
  } catch {
    outcome = null;
  }
  return { status: res.status, outcome, text };
}

export type RouteAnswer = { status: number; body: Record<string, unknown> | null; text: string };

/** Sends JSON to one of the app's routes as the editor does (the autosave's PUT, say), signed in by `cookie`. */
export async function sendJsonRoute(
  url: string,
  method: "POST" | "PUT",
  route: string,
  cookie: string,
  body: unknown,
): Promise<RouteAnswer> {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: { "Content-Type": "application/json", Accept: "application/json", Cookie: cookie, Origin: url },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: RouteAnswer["body"] = null;
  try {
    parsed = JSON.parse(text) as RouteAnswer["body"];
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed, text };
}
