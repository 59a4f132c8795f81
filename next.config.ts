import type { NextConfig } from "next";
import { configSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Loaded by Node at run time, not bundled: PGlite and the schema engine read their WASM files from
  // node_modules, and argon2 is a native addon.
  serverExternalPackages: ["@electric-sql/pglite", "@prisma/schema-engine-wasm", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "pg-connection-string"],
  experimental: { authInterrupts: true }, // forbidden() → app/forbidden.tsx with HTTP 403
  poweredByHeader: false,
  typedRoutes: false,
  // Pages get their CSP (with a nonce) from proxy.ts; see lib/http/security-headers.ts.
  headers: async () => configSecurityHeaders(),
};

export default nextConfig;
