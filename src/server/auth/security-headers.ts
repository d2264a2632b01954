import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet from "helmet";

/*
 * Security headers for every response. The Content-Security-Policy allows only the app's own
 * scripts and styles: no inline scripts, no eval, no inline style blocks. The web app's SVG
 * charts set presentation attributes (fill, stroke) and React's `style` prop, which goes
 * through the CSSOM and is not blocked by style-src, so 'unsafe-inline' is not needed.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * The headers helmet sets, computed once: they depend only on the options, which never change,
 * whereas the Fastify plugin rebuilds them on every request (a measurable share of a cached
 * list page's cost).
 */
export function securityHeaders(options: { https?: boolean } = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...CONTENT_SECURITY_POLICY,
        // Only meaningful when the site is served over https; it would break plain-http local use.
        upgradeInsecureRequests: options.https ? [] : null,
      },
    },
    // HSTS only when served over https, for the same reason.
    strictTransportSecurity: options.https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "no-referrer" },
  })({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: { https?: boolean } = {},
): Promise<void> {
  const headers = securityHeaders(options);
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

/**
 * Log redaction (pino): credentials never reach the logs, whatever logs the request or its body.
 * Pass as Fastify's `logger: { redact: LOG_REDACTION }`.
 */
export const LOG_REDACTION = {
  paths: [
    "req.headers.authorization",
    "req.headers.cookie",
    'req.headers["x-csrf-token"]',
    'res.headers["set-cookie"]',
    "headers.authorization",
    "headers.cookie",
    "*.password",
    "*.currentPassword",
    "*.newPassword",
    "*.token",
    "*.csrfToken",
    "body.password",
    "body.currentPassword",
    "body.newPassword",
    "body.token",
  ],
  censor: "[redacted]",
};
