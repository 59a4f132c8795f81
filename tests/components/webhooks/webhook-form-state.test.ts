import { describe, expect, it } from "vitest";
import { createBody, initialFormState, isSavedUrl, testTargetOf, updateBody, withProjectsRule } from "@/components/webhooks/webhook-form-state";
import { type TWebhook, ZWebhookCreate, ZWebhookUpdate } from "@/lib/validation/webhook";

const SAVED: TWebhook = {
  id: "7d1c2a7e-1f0a-4a53-9a55-0b1f1e0c2a11",
  url: "https://example.com/hooks",
  description: "CRM",
  events: ["invoice.paid"],
  projects: ["shop"],
  httpUser: "crm",
  hasHttpPassword: true,
  enabled: true,
  status: "working",
  consecutiveFailures: 0,
  failureLimit: 5,
  disabledReason: null,
  enableError: null,
  previousTokenExpiresAt: null,
  maxInFlight: 4,
  rateLimitPerSecond: 10,
  signatureFamilies: ["teamwork", "standard-webhooks", "twenty"],
  lastDeliveryAt: null,
  autoRecover: false,
  headers: [],
  filter: null,
  ordered: false,
  orderingKey: null,
  recovery: { nextProbeAt: null, probes: 0, lastProbeAt: null, lastProbeResult: null },
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

describe("webhook form state", () => {
  it("starts from the saved webhook, with secrets empty", () => {
    expect(initialFormState(SAVED)).toEqual({
      url: SAVED.url,
      description: "CRM",
      events: ["invoice.paid"],
      isAllProjects: false,
      projects: ["shop"],
      token: "",
      httpUser: "crm",
      httpPassword: "",
      maxInFlight: "4",
      rateLimit: "10",
      signatureFamilies: ["teamwork", "standard-webhooks", "twenty"],
      autoRecover: false,
      headers: [],
      filter: "",
      ordered: false,
      orderingKey: "",
    });
    expect(initialFormState()).toMatchObject({ url: "", events: [], isAllProjects: true, maxInFlight: "16", rateLimit: "" });
  });

  it("builds a create body the schema accepts, leaving empty optional fields out", () => {
    const body = createBody({ ...initialFormState(), url: "https://example.com/x", events: ["*"], token: "", rateLimit: " " });
    expect(body).toEqual({
      url: "https://example.com/x",
      description: "",
      events: ["*"],
      projects: [],
      httpUser: undefined,
      token: undefined,
      httpPassword: undefined,
      maxInFlight: 16,
      rateLimitPerSecond: null,
      signatureFamilies: ["teamwork", "standard-webhooks", "twenty"],
      autoRecover: false,
      headers: [],
      filter: null,
      ordered: false,
      orderingKey: null,
    });
    expect(ZWebhookCreate.safeParse(body).success).toBe(true);
  });

  it("builds a PATCH body: an emptied user clears basic auth, an empty password keeps the saved one", () => {
    const state = { ...initialFormState(SAVED), httpUser: "" };
    expect(updateBody(state)).toMatchObject({ httpUser: null, projects: ["shop"], maxInFlight: 4, rateLimitPerSecond: 10 });
    expect(updateBody(state)).not.toHaveProperty("httpPassword");
    expect(updateBody({ ...state, httpUser: "crm", httpPassword: "new" })).toMatchObject({ httpUser: "crm", httpPassword: "new" });
    expect(ZWebhookUpdate.safeParse(updateBody(state)).success).toBe(true);
  });

  it("sends no project list for All projects, and asks for one when none is picked", () => {
    const some = { ...initialFormState(SAVED), isAllProjects: true };
    expect(createBody(some).projects).toEqual([]);
    expect(withProjectsRule({}, { ...some, isAllProjects: false, projects: [] })).toEqual({ projects: "Pick at least one project, or All projects" });
    expect(withProjectsRule({ url: "x" }, some)).toEqual({ url: "x" });
  });

  it("tests the typed URL, or says why it cannot", () => {
    expect(testTargetOf({ ...initialFormState(), url: "nope" })).toEqual({ urlError: "Enter a full URL, such as https://example.com/hooks" });
    expect(testTargetOf({ ...initialFormState(), url: "https://example.com/x", token: "whsec_abcdefghijklmnop" })).toEqual({
      target: {
        url: "https://example.com/x",
        token: "whsec_abcdefghijklmnop",
        httpUser: undefined,
        httpPassword: undefined,
        signatureFamilies: ["teamwork", "standard-webhooks", "twenty"],
      },
    });
    // Editing: an emptied user is sent as "" (test without basic auth), as saving would store it.
    expect(testTargetOf({ ...initialFormState(SAVED), httpUser: "" }, SAVED)).toEqual({
      target: { id: SAVED.id, url: SAVED.url, httpUser: "", httpPassword: undefined, signatureFamilies: ["teamwork", "standard-webhooks", "twenty"] },
    });
    // The signatures as ticked: Test signs as Save would, and refuses none on that field.
    expect(testTargetOf({ ...initialFormState(SAVED), signatureFamilies: ["twenty"] }, SAVED)).toMatchObject({ target: { signatureFamilies: ["twenty"] } });
    expect(testTargetOf({ ...initialFormState(SAVED), signatureFamilies: [] }, SAVED)).toEqual({
      signatureFamiliesError: "Pick at least one signature family",
    });
  });

  it("compares URLs as the server does", () => {
    expect(isSavedUrl(" https://EXAMPLE.com/hooks ", SAVED.url)).toBe(true);
    expect(isSavedUrl("https://example.com/other", SAVED.url)).toBe(false);
  });
});
