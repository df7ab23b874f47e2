// The security headers the Drydock server (server/, npm start, the e2e server) and `vite preview` send with every
// response. index.html carries the same policy in a <meta> tag for static hosts that cannot set headers; a meta
// policy cannot say frame-ancestors, so only the header version protects against framing (clickjacking).
// tests/unit/security-headers.test.ts keeps the two policies in step.

/** The Content-Security-Policy of index.html's meta tag. 'wasm-unsafe-eval' lets sql.js compile its wasm; no eval. */
export const META_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${META_CSP}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};
