// No telemetry from this app's builds and servers, even where the environment forgot to say so.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

/**
 * Next.js configuration. ESM because package.json says "type": "module".
 * @type {import("next").NextConfig}
 */
const nextConfig = {
  // Several builds may share one checkout (parallel e2e runs, a demo beside the tests): each may
  // name its own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships a WASM build and data files that it loads from node_modules at run time;
  // bundling it breaks those lookups.
  serverExternalPackages: ["@electric-sql/pglite"],
  // forbidden() renders app/forbidden.tsx with HTTP 403 when a signed-in user lacks permission.
  experimental: { authInterrupts: true },
  // Nothing to gain from announcing the stack in every response.
  poweredByHeader: false,
  reactStrictMode: true,
  // The build type-checks the code that ships; tests and scripts are checked by `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
};

export default nextConfig;
