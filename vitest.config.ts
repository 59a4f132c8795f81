import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React's server build; tests are server code.
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only-stub.ts"),
    },
  },
  test: {
    // .tsx: component tests, each choosing jsdom with a `// @vitest-environment jsdom` comment.
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    environment: "node",
    // Fixed secrets so nothing is generated into a data directory; receivers run on 127.0.0.1.
    env: {
      AUTH_SECRET: "test-auth-secret-that-is-long-enough-1234",
      HOOKLINE_SECRET_KEY: "0123456789abcdef".repeat(4),
      HOOKLINE_ALLOWED_TARGETS: "127.0.0.1",
      HOOKLINE_TIMEOUT_MS: "2000",
    },
    globalSetup: ["tests/helpers/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // 2 cores: two files at a time keeps PGlite start-ups from starving each other.
    maxWorkers: 2,
  },
});
