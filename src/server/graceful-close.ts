import type { Socket } from "node:net";
import type { FastifyInstance } from "fastify";

type HttpSocket = Socket & { _httpMessage?: unknown };

/**
 * A quick, clean stop (issue 15.3). Closing, Fastify stops accepting connections and closes
 * the idle ones, but a keep-alive connection busy at that moment stayed open after its answer
 * until the keep-alive timeout (72 s), holding the process. While closing, every answer says
 * `Connection: close`, and a connection is ended once its answer has been flushed.
 *
 * Node's own closeIdleConnections (which server.close() calls) counts a connection idle as
 * soon as its answer is *ended*, while a large body may still sit in the socket's buffer, and
 * destroys it: the client gets half a body. Here only connections with no answer at all are
 * closed at once; the others end gracefully after their answer.
 */
export function installGracefulClose(app: FastifyInstance): void {
  let closing = false;
  const sockets = new Set<HttpSocket>();
  app.server.on("connection", (socket: HttpSocket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  app.server.closeIdleConnections = () => {
    for (const socket of sockets) if (!socket._httpMessage) socket.destroy();
  };
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_request, reply, payload) => {
    if (closing && !reply.raw.headersSent) reply.header("connection", "close");
    return payload;
  });
  // After the answer is flushed: ends connections whose answer began before closing.
  app.addHook("onResponse", async (request) => {
    if (closing && !request.raw.socket.destroyed) request.raw.socket.end();
  });
}
