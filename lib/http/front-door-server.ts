// The HTTP server scripts/serve.ts listens with: the front door (lib/http/front-door.ts) in front of
// a handler, one body budget for the whole process, and the per-peer connection limit. Built here,
// not in serve.ts, so that tests run the very server `npm start` runs, with a stand-in for Next.
import http from "node:http";
import { bodyBudgetBytes, maxBodyBytes, type TEnv } from "../config/env-schema";
import { createBodyBudget, type TBodyBudget } from "./body-budget";
import { createConnectionLimit, type TConnectionLimit } from "./connection-limit";
import { frontDoor } from "./front-door";

export type TFrontDoorSettings = {
  trustedProxies: number;
  maxBodyBytes: number;
  bodyBudgetBytes: number;
  bodyIdleMs: number;
  /** 0: no limit. */
  maxConnectionsPerAddress: number;
};

type TEnvForSettings = Pick<
  TEnv,
  | "HOOKLINE_TRUST_PROXY"
  | "HOOKLINE_MAX_BODY_BYTES"
  | "HOOKLINE_MAX_PAYLOAD_BYTES"
  | "HOOKLINE_BODY_BUDGET_BYTES"
  | "HOOKLINE_BODY_IDLE_MS"
  | "HOOKLINE_MAX_CONNECTIONS_PER_ADDRESS"
>;

export function frontDoorSettings(env: TEnvForSettings): TFrontDoorSettings {
  return {
    trustedProxies: env.HOOKLINE_TRUST_PROXY,
    maxBodyBytes: maxBodyBytes(env),
    bodyBudgetBytes: bodyBudgetBytes(env),
    bodyIdleMs: env.HOOKLINE_BODY_IDLE_MS,
    // Behind proxies every connection comes from one of them: a per-peer limit would throttle
    // all clients together. The proxy limits its own clients (nginx limit_conn and the like).
    maxConnectionsPerAddress: env.HOOKLINE_TRUST_PROXY > 0 ? 0 : env.HOOKLINE_MAX_CONNECTIONS_PER_ADDRESS,
  };
}

export type TFrontDoorServer = { server: http.Server; budget: TBodyBudget; connections: TConnectionLimit };

export function createFrontDoorServer(settings: TFrontDoorSettings, handle: (req: http.IncomingMessage, res: http.ServerResponse) => void): TFrontDoorServer {
  const budget = createBodyBudget(settings.bodyBudgetBytes);
  const connections = createConnectionLimit(settings.maxConnectionsPerAddress);
  const { trustedProxies, maxBodyBytes, bodyIdleMs: idleMs } = settings;
  const server = http.createServer(frontDoor({ trustedProxies, maxBodyBytes, budget, idleMs, connections }, handle));
  server.on("connection", (socket) => connections.admit(socket));
  return { server, budget, connections };
}
