import { describe, expect, it } from "vitest";
import { ApiError, bearerChallenge, fromDomainError } from "@/lib/api/api-error";
import { DomainError, type TDomainErrorKind } from "@/lib/errors/domain-error";

describe("ApiError", () => {
  it("toBody is the documented shape, with issues only when there are some", () => {
    expect(new ApiError(409, "conflict", "It already exists").toBody()).toEqual({ error: { code: "conflict", message: "It already exists" } });
    expect(Object.keys(new ApiError(409, "conflict", "x").toBody().error)).toEqual(["code", "message"]);
    const withIssues = new ApiError(400, "validation_failed", "bad", [{ path: "url", message: "bad" }]);
    expect(withIssues.toBody()).toEqual({ error: { code: "validation_failed", message: "bad", issues: [{ path: "url", message: "bad" }] } });
  });

  it("notFound and invalid build 404 and 400 errors", () => {
    const notFound = ApiError.notFound("Delivery");
    expect(notFound).toBeInstanceOf(Error);
    expect(notFound).toMatchObject({ name: "ApiError", status: 404, code: "not_found", message: "Delivery not found" });
    expect(ApiError.invalid("id", "id is bad").toBody()).toEqual({
      error: { code: "validation_failed", message: "id is bad", issues: [{ path: "id", message: "id is bad" }] },
    });
    expect(ApiError.invalid("id", "id is bad").status).toBe(400);
  });
});

describe("challenges", () => {
  it("unauthorized is a 401 with a Bearer challenge, invalid_token only when a credential was sent", () => {
    expect(ApiError.unauthorized("Sign in")).toMatchObject({ status: 401, code: "unauthorized", headers: { "www-authenticate": 'Bearer realm="hookline"' } });
    expect(ApiError.unauthorized("Revoked", true).headers).toEqual({ "www-authenticate": 'Bearer realm="hookline", error="invalid_token"' });
    expect(ApiError.unauthorized("Sign in").toBody()).toEqual({ error: { code: "unauthorized", message: "Sign in" } });
  });

  it("insufficientScope is a 403 whose challenge lists the scopes that would do", () => {
    const error = ApiError.insufficientScope("Needs webhooks:read", ["webhooks:read", "administrative"]);
    expect(error).toMatchObject({ status: 403, code: "insufficient_scope", message: "Needs webhooks:read" });
    expect(error.headers).toEqual({ "www-authenticate": 'Bearer realm="hookline", error="insufficient_scope", scope="webhooks:read administrative"' });
  });

  it("bearerChallenge keeps the attributes' order", () => {
    expect(bearerChallenge({})).toBe('Bearer realm="hookline"');
    expect(bearerChallenge({ error: "invalid_token" })).toBe('Bearer realm="hookline", error="invalid_token"');
  });
});

describe("fromDomainError", () => {
  const cases: [TDomainErrorKind, number][] = [
    ["invalid", 400],
    ["not_found", 404],
    ["conflict", 409],
    ["too_large", 413],
    ["rejected", 422],
  ];

  it.each(cases)("maps a %s domain error to HTTP %i, keeping code, message and issues", (kind, status) => {
    const issues = [{ path: "field", message: "why" }];
    const api = fromDomainError(new DomainError(kind, `code_${kind}`, `message ${kind}`, issues));
    expect(api).toBeInstanceOf(ApiError);
    expect(api).toMatchObject({ status, code: `code_${kind}`, message: `message ${kind}`, issues });
    expect(api.toBody()).toEqual({ error: { code: `code_${kind}`, message: `message ${kind}`, issues } });
  });

  it("keeps the helpers' codes: not found stays not_found, invalid stays validation_failed", () => {
    expect(fromDomainError(DomainError.notFound("Webhook")).toBody()).toEqual({ error: { code: "not_found", message: "Webhook not found" } });
    expect(fromDomainError(DomainError.invalid("url", "url is bad"))).toMatchObject({
      status: 400,
      code: "validation_failed",
      issues: [{ path: "url", message: "url is bad" }],
    });
  });
});
