// What a customer's pages may load, and the headers a host should send with them: the folder's
// own files only, never framed, never indexed, never a Referer carrying the share token.

/** The Content-Security-Policy of every page (as a <meta>, where frame-ancestors does not apply). */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");

/** The same policy as response headers, for hosts that send them (`_headers`, nginx, Caddy). */
export const HEADERS: [string, string][] = [
  ["Content-Security-Policy", `${CSP}; frame-ancestors 'none'`],
  ["X-Robots-Tag", "noindex, nofollow"],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "no-referrer"],
  ["X-Frame-Options", "DENY"],
];
