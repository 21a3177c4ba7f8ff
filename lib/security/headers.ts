/**
 * The security headers of every response (ASVS 14.4; 等级保护 2.0 三级 入侵防范). The
 * Content-Security-Policy carries a fresh nonce per request (proxy.ts makes it and hands it to
 * Next, which puts it on its own scripts); the fixed ones are in next.config.js. Pure.
 */

/** 16 random bytes as base64: a nonce nobody can predict. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts only from this site and only those Next marked with the nonce ('strict-dynamic' lets
 * them load their own chunks); no plugins, no framing by any site, forms post only here. Styles
 * allow inline attributes: React's style props and the chart library set them, and a style cannot
 * run code. `dev` adds 'unsafe-eval' for the development server's hot reload only.
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  const directives: Array<[string, string]> = [
    ["default-src", "'self'"],
    ["script-src", `'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`],
    ["style-src", "'self' 'unsafe-inline'"],
    ["img-src", "'self' data: blob:"],
    ["font-src", "'self' data:"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join("; ");
}
