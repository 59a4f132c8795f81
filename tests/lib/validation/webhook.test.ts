import { describe, expect, it } from "vitest";
import { ZWebhookCreate, ZWebhookListQuery, ZWebhookTestUrl, ZWebhookUpdate, ZWebhookUrl } from "@/lib/validation/webhook";

const base = { url: "https://hooks.example.com/in", events: ["deals.created"] };
const issuesOf = (input: unknown) => {
  const r = ZWebhookCreate.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("ZWebhookCreate", () => {
  it("accepts a minimal webhook and fills the defaults", () => {
    expect(ZWebhookCreate.parse(base)).toEqual({
      ...base,
      description: "",
      projects: [],
      maxInFlight: 16,
      rateLimitPerSecond: null,
      signatureFamilies: ["teamwork", "standard-webhooks", "twenty"],
      autoRecover: false,
      headers: [],
      filter: null,
      ordered: false,
      orderingKey: null,
    });
  });

  it("takes a choice of signature families, and refuses none or an unknown one on that field", () => {
    expect(ZWebhookCreate.parse({ ...base, signatureFamilies: ["twenty"] }).signatureFamilies).toEqual(["twenty"]);
    expect(ZWebhookUpdate.parse({ signatureFamilies: ["twenty", "teamwork"] })).toEqual({ signatureFamilies: ["teamwork", "twenty"] });
    expect(ZWebhookTestUrl.parse({ url: base.url, signatureFamilies: ["standard-webhooks"] }).signatureFamilies).toEqual(["standard-webhooks"]);
    expect(issuesOf({ ...base, signatureFamilies: [] })).toEqual(["signatureFamilies: Pick at least one signature family"]);
    expect(issuesOf({ ...base, signatureFamilies: ["md5"] })[0]).toMatch(/^signatureFamilies\.0: Each signature family must be one of/);
    expect(ZWebhookUpdate.safeParse({ signatureFamilies: [] }).error?.issues[0]?.path).toEqual(["signatureFamilies"]);
  });

  it("bounds the delivery limits and names the field", () => {
    expect(ZWebhookCreate.parse({ ...base, maxInFlight: 1, rateLimitPerSecond: 10_000 })).toMatchObject({ maxInFlight: 1, rateLimitPerSecond: 10_000 });
    for (const bad of [
      { maxInFlight: 0 },
      { maxInFlight: 1_001 },
      { maxInFlight: 2.5 },
      { maxInFlight: "16" },
      { rateLimitPerSecond: 0 },
      { rateLimitPerSecond: 10_001 },
    ]) {
      const result = ZWebhookCreate.safeParse({ ...base, ...bad });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(Object.keys(bad));
    }
    // PATCH: null lifts the rate limit; absent leaves both as they are.
    expect(ZWebhookUpdate.parse({ rateLimitPerSecond: null })).toEqual({ rateLimitPerSecond: null });
    expect(ZWebhookUpdate.parse({})).toEqual({});
  });

  it("trims, de-duplicates and collapses '*' to all events", () => {
    const parsed = ZWebhookCreate.parse({ url: "  http://x.example/a ", events: ["a", "a", "b"], projects: ["p", "p"] });
    expect(parsed).toMatchObject({ url: "http://x.example/a", events: ["a", "b"], projects: ["p"] });
    expect(ZWebhookCreate.parse({ ...base, events: ["deals.created", "*"] }).events).toEqual(["*"]);
  });

  it.each([
    ["ftp://example.com/x", "URL must start with http:// or https://"],
    ["javascript:alert(1)", "URL must start with http:// or https://"],
    ["file:///etc/passwd", "URL must start with http:// or https://"],
    ["https://user:secret@example.com/x", "Put credentials in HTTP user and password, not in the URL"],
    ["https://user@example.com/x", "Put credentials in HTTP user and password, not in the URL"],
    ["example.com/hook", "Enter a full URL, such as https://example.com/hooks"],
    ["", "Enter a URL"],
    [`https://example.com/${"x".repeat(2048)}`, "URL must be at most 2048 characters"],
  ])("refuses the URL %s", (url, message) => {
    expect(issuesOf({ ...base, url })).toContain(`url: ${message}`);
  });

  it("refuses empty, missing or over-long events and fields", () => {
    expect(issuesOf({ ...base, events: [] })).toContain("events: Pick at least one event, or all events");
    expect(issuesOf({ url: base.url })).toContain("events: Pick at least one event");
    expect(issuesOf({ ...base, events: ["x".repeat(101)] })[0]).toMatch(/^events\.0:/);
    expect(issuesOf({ ...base, description: "d".repeat(501) })).toContain("description: Description must be at most 500 characters");
    expect(issuesOf({ ...base, token: "short" })).toContain("token: Token must be at least 16 characters");
    expect(issuesOf({ ...base, token: "has a space in the token" })[0]).toMatch(/^token:/);
    expect(issuesOf({ ...base, httpUser: "a:b" })).toContain("httpUser: HTTP user cannot contain a colon");
    expect(issuesOf({ ...base, httpPassword: "pw" })).toContain("httpUser: Enter the HTTP user that goes with the password");
    expect(issuesOf({ ...base, extra: 1 })[0]).toMatch(/Unrecognized key/);
    expect(issuesOf({ ...base, token: "t".repeat(257) })).toContain("token: Token must be at most 256 characters");
    expect(issuesOf({ ...base, httpUser: "u".repeat(201) })).toContain("httpUser: HTTP user must be at most 200 characters");
    expect(issuesOf({ ...base, httpUser: "u", httpPassword: "p".repeat(201) })).toContain("httpPassword: HTTP password must be at most 200 characters");
    const many = Array.from({ length: 501 }, (_, i) => `e${i}`);
    expect(issuesOf({ ...base, events: many })).toContain("events: At most 500 events");
    expect(issuesOf({ ...base, projects: many })).toContain("projects: At most 500 projects");
  });
});

describe("ZWebhookUrl: what is stored is what is shown and contacted", () => {
  it.each([
    ["http://ｌｏｃａｌｈｏｓｔ/hook", "http://localhost/hook"],
    ["http://１２７.０.０.１:8080/x", "http://127.0.0.1:8080/x"],
    ["https://bücher.example/in", "https://xn--bcher-kva.example/in"],
    ["HTTPS://Hooks.EXAMPLE.com:443/In?a=1#f", "https://hooks.example.com/In?a=1#f"],
    ["http://x.example", "http://x.example/"],
    ["http://0x7f000001/", "http://127.0.0.1/"],
    ["https://example.com/caf\u00e9", "https://example.com/caf%C3%A9"],
    ["  https://example.com/padded\n", "https://example.com/padded"],
  ])("stores %s as %s", (input, href) => {
    expect(ZWebhookUrl.parse(input)).toBe(href);
    expect(ZWebhookUrl.parse(href)).toBe(href); // normalizing twice changes nothing
  });

  it("normalizes in create, update and test alike", () => {
    const url = "http://ｌｏｃａｌｈｏｓｔ/hook";
    expect(ZWebhookCreate.parse({ ...base, url }).url).toBe("http://localhost/hook");
    expect(ZWebhookUpdate.parse({ url }).url).toBe("http://localhost/hook");
    expect(ZWebhookTestUrl.parse({ url }).url).toBe("http://localhost/hook");
    expect(ZWebhookTestUrl.partial().parse({ url }).url).toBe("http://localhost/hook");
  });

  const SPACES_OR_CONTROLS = "URL cannot contain spaces, tabs, line breaks or control characters (write a space as %20)";
  it.each([
    ["newline", "https://example.com/a\nb"],
    ["carriage return", "https://example.com/a\rb"],
    ["tab", "https://example.com/a\tb"],
    ["tab in the host", "https://exa\tmple.com/"],
    ["space", "https://example.com/a b"],
    ["NUL", "https://example.com/a\u0000b"],
    ["DEL", "https://example.com/a\u007fb"],
    ["C1 (NEL)", "https://example.com/a\u0085b"],
    ["C1 (CSI)", "https://example.com/a\u009bb"],
    ["no-break space", "https://example.com/a\u00a0b"],
    ["ideographic space", "https://example.com/a\u3000b"],
    ["line separator", "https://example.com/a\u2028b"],
    ["NUL at the end (trim keeps it)", "https://example.com/a\u0000"],
  ])("refuses a URL with a %s, on the url field", (_what, url) => {
    expect(issuesOf({ ...base, url })).toEqual([`url: ${SPACES_OR_CONTROLS}`]);
    const update = ZWebhookUpdate.safeParse({ url });
    expect(update.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["url", SPACES_OR_CONTROLS]]);
    expect(ZWebhookTestUrl.safeParse({ url }).error?.issues[0]?.path).toEqual(["url"]);
  });

  it("applies the length limit to the encoded URL too", () => {
    const url = `https://example.com/${"é".repeat(700)}`; // 720 characters typed, 4220 once percent-encoded
    expect(issuesOf({ ...base, url })).toEqual(["url: URL must be at most 2048 characters once encoded"]);
  });
});

describe("ZWebhookUpdate and the list query", () => {
  it("allows partial updates and null to clear basic auth", () => {
    expect(ZWebhookUpdate.parse({})).toEqual({});
    expect(ZWebhookUpdate.parse({ httpUser: null })).toEqual({ httpUser: null });
    expect(ZWebhookUpdate.safeParse({ events: [] }).success).toBe(false);
    expect(ZWebhookUpdate.safeParse({ token: "x".repeat(20) }).success).toBe(false);
  });
  it("refuses a new password beside a cleared user (it would never be sent)", () => {
    for (const httpUser of [null, ""]) {
      const r = ZWebhookUpdate.safeParse({ httpUser, httpPassword: "secret" });
      expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
        "httpUser: Enter the HTTP user that goes with the password",
      ]);
    }
    expect(ZWebhookUpdate.parse({ httpPassword: "secret" })).toEqual({ httpPassword: "secret" }); // the stored user is checked on the server
  });
  it("coerces and bounds the list query", () => {
    expect(ZWebhookListQuery.parse({})).toEqual({ limit: 50 });
    expect(ZWebhookListQuery.parse({ limit: "10", status: "failing" })).toEqual({ limit: 10, status: "failing" });
    expect(ZWebhookListQuery.safeParse({ cursor: "abc" }).success).toBe(false);
  });
});
