// No telemetry from this app's builds and servers, even where the environment forgot to say so.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

/** Must equal NEXT_BODY_LIMIT and NEXT_PROXY_BODY_COPY in lib/security/request-limits.ts (a test compares them). */
const BODY_LIMIT = "11mb";
const PROXY_BODY_COPY = "12mb";

/**
 * The fixed security headers (ASVS 14.4); the Content-Security-Policy, with its per-request nonce,
 * comes from proxy.ts. HSTS only where the site is served over https.
 */
function securityHeaders() {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    // Unpublished budgets live in URLs (/workbench/…): never tell another site where a user came from.
    { key: "Referrer-Policy", value: "same-origin" },
    // For browsers without CSP frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  if ((process.env.NEXTAUTH_URL ?? "").startsWith("https://"))
    headers.push({ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" });
  return headers;
}

/**
 * Next.js configuration. ESM because package.json says "type": "module".
 * @type {import("next").NextConfig}
 */
const nextConfig = {
  // Several builds may share one checkout (parallel e2e runs, a demo beside the tests): each may
  // name its own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships a WASM build and data files that it loads from node_modules at run time;
  // bundling it breaks those lookups. drizzle-orm is loaded once from node_modules too: bundled,
  // it landed in two chunks, and every check of a query part against the other copy's classes
  // (drizzle's is()) missed instanceof and walked prototype chains: a fifth of an autosave's CPU.
  serverExternalPackages: ["@electric-sql/pglite", "drizzle-orm"],
  // forbidden() renders app/forbidden.tsx with HTTP 403 when a signed-in user lacks permission.
  // Body limits (lib/security/request-limits.ts): server actions carry at most a 10 MB sheet; the
  // proxy's copy of a body runs a megabyte further, so proxy.ts sees a body sent without its length
  // go over the limit (Next cuts a longer copy short silently) and refuses it with a 413.
  // NEXT_SERVER_MINIFY=0 keeps function names in the server bundle, for a readable CPU profile
  // (LOAD_SERVER_NODE_ARGS in lib/tools/bench/suites/load.ts).
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: BODY_LIMIT },
    proxyClientMaxBodySize: PROXY_BODY_COPY,
    serverMinification: process.env.NEXT_SERVER_MINIFY !== "0",
    // CI builds once on a clean clone: Turbopack's build cache would be written (~25 s on two cores)
    // and never read. Local builds (the demo, a developer's e2e runs) keep it.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
  // Behind a reverse proxy that compresses (README, production), NEXT_COMPRESS=0 leaves gzip to it
  // and keeps that work off the app server's one event loop.
  compress: process.env.NEXT_COMPRESS !== "0",
  // Nothing to gain from announcing the stack in every response.
  poweredByHeader: false,
  reactStrictMode: true,
  // The build type-checks the code that ships; tests and scripts are checked by `npm run typecheck`.
  // `npm test` has checked the whole tree before it builds for the e2e run, so that build skips it.
  typescript: { tsconfigPath: "tsconfig.build.json", ignoreBuildErrors: process.env.BDW_TYPES_CHECKED === "1" },
};

export default nextConfig;
