// The server scripts/serve.ts builds (lib/http/front-door-server.ts, configured from the
// environment as it is there), with a stand-in for Next, alone in its own process: a test can then
// measure that process's memory. GET /health answers at once with the process's memory and the
// body budget's state and the open connections (?gc=1 collects garbage first); any other request reads its body and gets
// 202. Sends { port } over IPC once listening.
import { parseEnv } from "../../lib/config/env-schema";
import { createFrontDoorServer, frontDoorSettings } from "../../lib/http/front-door-server";

const { server, budget } = createFrontDoorServer(frontDoorSettings(parseEnv(process.env)), (req, res) => {
  if (req.url?.startsWith("/health")) {
    if (req.url.includes("gc=1")) global.gc?.();
    const { rss, arrayBuffers } = process.memoryUsage();
    server.getConnections((_error, connections) => res.end(JSON.stringify({ rss, arrayBuffers, reserved: budget.reserved, connections })));
    return;
  }
  req.resume();
  req.on("end", () => res.writeHead(202).end());
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
});
