import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { DatabaseUnavailableError } from "@/lib/db/open-database";

const withProps = (message: string, props: Record<string, unknown>) => Object.assign(new Error(message), props);

describe("isDatabaseUnavailable", () => {
  it("recognises every wrapping of a lost or refused connection", () => {
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    expect(isDatabaseUnavailable(withProps("connect ECONNREFUSED 127.0.0.1:5432", { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(withProps("terminating connection due to administrator command", { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(withProps("the database system is starting up", { code: "57P03" }))).toBe(true);
    expect(isDatabaseUnavailable(withProps("x", { code: "08006" }))).toBe(true);
    expect(isDatabaseUnavailable(withProps("x", { code: "P1001" }))).toBe(true);
    expect(isDatabaseUnavailable(withProps("adapter", { meta: { driverAdapterError: { cause: { originalCode: "57P01" } } } }))).toBe(true);
    expect(isDatabaseUnavailable(withProps("Raw query failed", { meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } } }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: withProps("", { code: "ECONNRESET" }) }))).toBe(true);
    expect(isDatabaseUnavailable(new DatabaseUnavailableError("Cannot connect"))).toBe(true);
  });

  it("leaves request errors and bugs alone", () => {
    expect(isDatabaseUnavailable(withProps("duplicate key", { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(withProps("invalid byte sequence", { code: "22021" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("Connection terminated")).toBe(false);
  });
});
