/**
 * Where a user may be sent back to after signing in (the `callbackUrl` of /signin, next-auth's
 * redirect): only a place on this site. Judged the way a browser will read it — parsed against the
 * site's own origin by the WHATWG URL parser — rather than by looking at the text: a browser drops
 * tabs and line breaks and reads "\" as "/", so "/\t/evil.example" and "/\evil.example" are
 * another site while they look like paths. What comes back is only the path, query and fragment
 * of the parsed URL, so the answer can never name another origin.
 *
 * Not places to return to: the sign-in and sign-out pages themselves (a loop) and the API (JSON,
 * not a page). Pure; the browser's sign-in form calls it too.
 */

const NOT_A_DESTINATION = /^\/(?:signin|signout|api)(?:[/?#]|$)/;

export function sameOriginPath(value: unknown, origin: string): string | null {
  if (typeof value !== "string" || value === "") return null;
  let own: URL;
  let url: URL;
  try {
    own = new URL(origin);
    url = new URL(value, own);
  } catch {
    return null;
  }
  if (url.origin !== own.origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" is this origin with the path "//evil.example", which as a Location or a
  // link is another site.
  if (!path.startsWith("/") || path.startsWith("//")) return null;
  if (NOT_A_DESTINATION.test(path)) return null;
  return path;
}
