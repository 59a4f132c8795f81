import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const INCLUDE = ["tests/**/*.test.ts", "tests/**/*.test.tsx"];

// Test files run in one module graph per worker (isolate: false): importing lib, Prisma's client and
// Next once per worker instead of once per file is a third of the suite's time. A file that replaces
// a module (vi.mock) needs a module graph of its own, so those run isolated; found by reading the
// files, so a new one cannot be forgotten.
const MOCKS_MODULES = /\bvi\.(?:do)?[mM]ock\(/;
const mocking = fs
  .readdirSync(path.join(import.meta.dirname, "tests"), { recursive: true, encoding: "utf8" })
  .filter((file) => /\.test\.tsx?$/.test(file))
  .map((file) => path.join("tests", file))
  .filter((file) => MOCKS_MODULES.test(fs.readFileSync(path.join(import.meta.dirname, file), "utf8")));

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React's server build; tests are server code.
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    // Fixed secrets so nothing is generated into a data directory; receivers run on 127.0.0.1.
    env: {
      AUTH_SECRET: "test-auth-secret-that-is-long-enough-1234",
      HOOKLINE_SECRET_KEY: "0123456789abcdef".repeat(4),
      HOOKLINE_ALLOWED_TARGETS: "127.0.0.1",
      HOOKLINE_TIMEOUT_MS: "2000",
    },
    globalSetup: ["tests/helpers/global-setup.ts"],
    setupFiles: ["tests/helpers/per-file-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // 2 cores: two files at a time keeps PGlite start-ups from starving each other.
    maxWorkers: 2,
    // .tsx: component tests, each choosing jsdom with a `// @vitest-environment jsdom` comment.
    projects: [
      { extends: true, test: { name: "shared", include: INCLUDE, exclude: mocking, isolate: false } },
      { extends: true, test: { name: "isolated", include: mocking.length ? mocking : ["no-such-file"] } },
    ],
  },
});
