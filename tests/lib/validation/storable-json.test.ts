import { describe, expect, it } from "vitest";
import { findUnstorable, MAX_JSON_DEPTH, unstorableStringReason } from "@/lib/validation/storable-json";

function nested(depth: number): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

describe("unstorableStringReason", () => {
  it("refuses NUL and unpaired surrogates, accepts everything else", () => {
    expect(unstorableStringReason("a\u0000b")).toMatch(/NUL/);
    expect(unstorableStringReason("\uD800")).toMatch(/surrogate/);
    expect(unstorableStringReason("x\uDC00")).toMatch(/surrogate/);
    expect(unstorableStringReason("\uD800x")).toMatch(/surrogate/);
    expect(unstorableStringReason("😀 paired \uD83D\uDE00")).toBeNull();
    expect(unstorableStringReason("tab\tnewline\n\u0001 fine")).toBeNull();
  });
});

describe("findUnstorable", () => {
  it("names the path of the first bad string, key or depth", () => {
    expect(findUnstorable({ event: "ok", data: { list: [1, "x\u0000"] } })).toEqual({
      path: "data.list.1",
      message: expect.stringMatching(/^data\.list\.1 must not contain a NUL/),
    });
    expect(findUnstorable({ data: { "k\u0000": 1 } })?.path).toBe("data.k\u0000");
    expect(findUnstorable("\uDBFF")?.message).toMatch(/^body must not contain an unpaired/);
    expect(findUnstorable({ a: 1, b: [null, true, 2.5, "fine"] })).toBeNull();
  });

  it(`allows ${MAX_JSON_DEPTH} levels and refuses deeper, without recursing`, () => {
    expect(findUnstorable(nested(MAX_JSON_DEPTH - 1))).toBeNull();
    expect(findUnstorable(nested(MAX_JSON_DEPTH + 1))?.message).toMatch(/nested more than 64 levels/);
    expect(findUnstorable(nested(100_000))?.message).toMatch(/nested more than 64 levels/);
  });
});
