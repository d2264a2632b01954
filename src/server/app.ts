import { existsSync } from "node:fs";
import { join } from "node:path";
import { constants as zlibConstants } from "node:zlib";
import compress from "@fastify/compress";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import type { z } from "zod";
import { AppError } from "../domain/errors.js";
import { issuesFromZod } from "../domain/plan-issue.js";
import { dropNulls, todayUtc } from "../domain/primitives.js";
import type { Store } from "../store/index.js";
import { registerAccessRoutes } from "./auth/access-routes.js";
import type { AuthConfig } from "./auth/auth-config.js";
import { API_PREFIX, installAuth } from "./auth/install-auth.js";
import { LOG_REDACTION, registerSecurityHeaders, securityHeaders } from "./auth/security-headers.js";
import { registerSessionRoutes } from "./auth/session-routes.js";
import { storeAuthBackend } from "./auth/store-backend.js";
import { installGracefulClose } from "./graceful-close.js";
import { installIdempotency } from "./idempotency.js";
import { installProblemDetails, registerProblemPages, sendProblem } from "./problem-details.js";
import { analysisRoutes } from "./routes/analysis.js";
import { auditRoutes } from "./routes/audit.js";
import { checkinBatchRoutes } from "./routes/checkin-batch.js";
import { checkinRoutes } from "./routes/checkins.js";
import { collectionRoutes } from "./routes/collections.js";
import { convertRoutes } from "./routes/convert.js";
import { decideRoutes } from "./routes/decide.js";
import { digestRoutes } from "./routes/digests.js";
import { myWorkRoutes } from "./routes/my-work.js";
import { planRoutes } from "./routes/plan.js";
import { workspaceRoutes } from "./routes/workspaces.js";
import { installUnsafeInputCheck } from "./unsafe-input.js";

export interface ServerOptions {
  store: Store;
  /** pino options, or false for none (tests). */
  logger?: boolean | Record<string, unknown>;
  /**
   * Sign-in, roles and tokens (docs/security.md). `false` is only for suites that test the
   * API's data behaviour without accounts; the command line never turns it off.
   */
  auth?: false | Partial<AuthConfig>;
  /** Bytes a JSON request may have (default 1 MiB). */
  bodyLimit?: number;
  /** Bytes a plan upload may have (default 32 MiB). */
  planBodyLimit?: number;
  /** The built web app (dist/web); a plain landing page when absent. */
  webRoot?: string;
  /** Served over https (directly or behind a proxy that says so): HSTS, and cookies always Secure. */
  https?: boolean;
  /** Believe X-Forwarded-* from these proxies (Fastify's trustProxy; THROUGHLINE_TRUST_PROXY). Default: none. */
  trustProxy?: boolean | number | string;
  today?: () => string;
}

/** The Throughline server, not yet listening: `app.inject` for tests, `app.listen` to serve. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const today = options.today ?? todayUtc;
  const app = Fastify({
    logger:
      options.logger === undefined || options.logger === false
        ? false
        : { redact: LOG_REDACTION, ...(options.logger === true ? {} : options.logger) },
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Typed as boolean only to pick Fastify's http overload; numbers and address lists work as documented.
    trustProxy: (options.trustProxy ?? false) as boolean,
    return503OnClosing: true,
    // A URL the router cannot decode (GET /%) is answered before any hook runs: give it the
    // security headers and a problem+json body like every other answer.
    frameworkErrors: (error, request, reply) => {
      reply.headers(securityHeaders({ https: options.https }));
      sendProblem(
        reply,
        new AppError("malformed_request", `The request could not be read: ${error.message}`),
        request,
      );
    },
  });

  // Validation with the domain's zod schemas; responses are plain JSON (schemas there document them).
  app.setValidatorCompiler(({ schema, method, httpPart }) => (data) => {
    const input =
      httpPart === "body" && method !== "PATCH" && data && typeof data === "object"
        ? dropNulls(structuredClone(data))
        : data;
    const result = (schema as z.ZodType).safeParse(input, { reportInput: true });
    if (result.success) return { value: result.data };
    const where = httpPart ?? "body";
    if (where === "params") return { error: new AppError("not_found", "No such item") };
    return {
      error: new AppError(
        "invalid_request",
        `The request ${where === "querystring" ? "query" : where} is not valid; nothing was changed`,
        {
          problems: issuesFromZod(result.error).map((i) => ({
            ...i,
            path: where === "body" ? i.path : [where, ...i.path],
          })),
        },
      ),
    };
  });
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  const web =
    options.webRoot && existsSync(join(options.webRoot, "index.html")) ? options.webRoot : undefined;
  installProblemDetails(app, {
    // Client-side routes (/w/acme/map…) get the app's shell; API paths stay problem+json.
    notFound: (request, reply) =>
      web &&
      request.method === "GET" &&
      !request.url.startsWith("/api/") &&
      request.headers.accept?.includes("text/html")
        ? reply.type("text/html").sendFile("index.html")
        : undefined,
  });
  await registerSecurityHeaders(app, { https: options.https });
  // gzip or brotli per Accept-Encoding for answers over 1 KB; brotli at a quality that stays
  // fast per request (GET /analysis compresses its own answer once per version instead).
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ["br", "gzip"],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  installUnsafeInputCheck(app);

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Throughline API",
        version: "1",
        description:
          "Strategy as data: workspaces, their plans, and the analysis of where the organisation is not set up to carry them.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "tl_session" },
          token: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // swagger-ui redirects its static index.html to itself when the URL has a query string (a
  // loop): send that address to the reference page, keeping the query.
  app.addHook("onRequest", async (request, reply) => {
    const [path, query] = request.url.split("?", 2);
    if (path === `${API_PREFIX}/docs/static/index.html`)
      return reply.redirect(`${API_PREFIX}/docs/${query === undefined ? "" : `?${query}`}`);
  });
  await app.register(swaggerUi, { routePrefix: `${API_PREFIX}/docs` });

  installGracefulClose(app);
  // Every side-effecting POST of the API, the account routes included (14.7).
  installIdempotency(app, store);
  if (options.auth !== false)
    await installAuth(app, storeAuthBackend(store), {
      ...(options.https ? { secureCookies: "always" as const } : {}),
      ...(options.auth ?? {}),
    });

  await app.register(
    async (api) => {
      api.get("/openapi.json", { config: { permission: "public" }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
      await api.register(workspaceRoutes, { store });
      await api.register(planRoutes, { store, planBodyLimit: options.planBodyLimit ?? 32 * 1024 * 1024 });
      await api.register(analysisRoutes, { store, today });
      await api.register(decideRoutes, { store, today });
      await api.register(collectionRoutes, { store });
      await api.register(checkinRoutes, { store });
      await api.register(checkinBatchRoutes, { store });
      await api.register(myWorkRoutes, { store, today });
      await api.register(digestRoutes, { store });
      await api.register(auditRoutes, { store });
      await api.register(convertRoutes, { store });
    },
    { prefix: API_PREFIX },
  );
  if (options.auth !== false) {
    await registerSessionRoutes(app);
    await registerAccessRoutes(app);
  }

  registerProblemPages(app);
  await serveWebApp(app, web);
  return app;
}

async function serveWebApp(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  if (webRoot) {
    await app.register(fastifyStatic, { root: webRoot, prefix: "/", wildcard: false, index: ["index.html"] });
    return;
  }
  app.get("/", { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type("text/html; charset=utf-8")
      .send(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Throughline</title></head><body><main><h1>Throughline</h1><p>The API is running. The web app is not built: run <code>npm run build</code>.</p><p><a href="/api/v1/docs">API reference</a></p></main></body></html>',
      ),
  );
}
