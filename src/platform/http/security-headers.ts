import helmet, { type HelmetOptions } from 'helmet';

// The security headers every response carries (CSP, frame and referrer policies, …), as helmet writes them. They
// depend on configuration only, so they are computed once at start-up and copied onto each reply (the Fastify
// plugin rebuilt helmet's middleware, CSP parsing included, on every request).

export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as never, response as never, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}
