import { describe, expect, it } from "vitest";
import { clientAddressOf, forwardedClientAddress } from "@/lib/http/client-address";

describe("clientAddressOf", () => {
  it("with no trusted proxy, is the socket's peer whatever the client claims", () => {
    expect(clientAddressOf("203.0.113.7", "1.2.3.4", 0)).toBe("203.0.113.7");
    expect(clientAddressOf("203.0.113.7", ["1.2.3.4", "5.6.7.8"], 0)).toBe("203.0.113.7");
    expect(clientAddressOf("::ffff:203.0.113.7", undefined, 0)).toBe("203.0.113.7");
    expect(clientAddressOf("::1", undefined, 0)).toBe("::1");
    expect(clientAddressOf(undefined, "1.2.3.4", 0)).toBeNull();
  });

  it("behind N proxies, is the address the outermost proxy saw; what the client wrote is skipped", () => {
    // client (forged "6.6.6.6") → proxy A (appends the client's real 198.51.100.9) → us (socket = A)
    expect(clientAddressOf("10.0.0.2", "6.6.6.6, 198.51.100.9", 1)).toBe("198.51.100.9");
    // client → A → B → us: B appended A's view; A appended the client's
    expect(clientAddressOf("10.0.0.3", "6.6.6.6, 198.51.100.9, 10.0.0.2", 2)).toBe("198.51.100.9");
  });

  it("falls back sensibly when fewer hops arrived than configured", () => {
    expect(clientAddressOf("198.51.100.9", undefined, 1)).toBe("198.51.100.9");
    expect(clientAddressOf("10.0.0.2", "198.51.100.9", 3)).toBe("198.51.100.9");
  });
});

describe("forwardedClientAddress", () => {
  it("reads back the one address the front door wrote, X-Real-IP only without one, bounded", () => {
    expect(forwardedClientAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(forwardedClientAddress(" 203.0.113.7 , 10.0.0.1", "1.2.3.4")).toBe("203.0.113.7");
    expect(forwardedClientAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(forwardedClientAddress(null, "198.51.100.9")).toBe("198.51.100.9");
    expect(forwardedClientAddress("  ", "198.51.100.9")).toBe("198.51.100.9");
    expect(forwardedClientAddress(undefined)).toBeNull();
    expect(forwardedClientAddress(["1.2.3.4"])).toBeNull();
    expect(forwardedClientAddress("x".repeat(10_000))).toHaveLength(100);
  });
});
