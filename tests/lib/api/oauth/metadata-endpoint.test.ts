import { describe, expect, it } from "vitest";
import { metadataEndpoint } from "@/lib/api/oauth/metadata-endpoint";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { configureEnv, unstubEnvAfterEach } from "../../../helpers/stub-env";

// RFC 8414 §3.3: a client refuses a document whose issuer is not the URL it fetched it from. The
// request URL a route sees is the server's own (http://localhost:PORT); the Host is what was asked for.

const fetchDocument = async (headers: Record<string, string>) => {
  const res = await metadataEndpoint(new Request("http://localhost:3000/.well-known/oauth-authorization-server", { headers }));
  return { cacheControl: res.headers.get("cache-control"), doc: (await res.json()) as Record<string, unknown> };
};
const configure = configureEnv;

unstubEnvAfterEach();

describe.each(TEST_DATABASES)("metadataEndpoint on $name", (backend) => {
  freshDatabasePerTest(backend);

  it("without HOOKLINE_PUBLIC_URL, the issuer is the origin the document was fetched from, not NEXTAUTH_URL's localhost default", async () => {
    // scripts/start.ts sets NEXTAUTH_URL to this when it is not configured.
    configure({ NEXTAUTH_URL: "http://localhost:3000", HOOKLINE_PUBLIC_URL: "", HOOKLINE_TRUST_PROXY: "0" });
    const { doc, cacheControl } = await fetchDocument({ host: "hooks.example.com:8443" });
    expect(doc).toMatchObject({
      issuer: "http://hooks.example.com:8443",
      token_endpoint: "http://hooks.example.com:8443/api/oauth/token",
      authorization_endpoint: "http://hooks.example.com:8443/oauth/authorize",
    });
    expect(cacheControl).toBe("private, max-age=300"); // names the asker's host: not for a shared cache
    // Forwarded headers are the client's own words without a trusted proxy...
    expect((await fetchDocument({ host: "10.0.0.5:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" })).doc.issuer).toBe(
      "http://10.0.0.5:3000",
    );
    // ...and a Host that is not a host[:port] names nothing: the server's own URL then.
    expect((await fetchDocument({ host: "evil.example/x@y" })).doc.issuer).toBe("http://localhost:3000");
  });

  it("behind a trusted proxy, the origin the proxy says it was asked for", async () => {
    configure({ HOOKLINE_PUBLIC_URL: "", HOOKLINE_TRUST_PROXY: "1" });
    const { doc } = await fetchDocument({ host: "10.0.0.5:3000", "x-forwarded-host": "hooks.example.com", "x-forwarded-proto": "https" });
    expect(doc.issuer).toBe("https://hooks.example.com");
  });

  it("with HOOKLINE_PUBLIC_URL, that origin whatever the request says; the same for everyone, so cacheable", async () => {
    configure({ HOOKLINE_PUBLIC_URL: "https://hooks.example.com/", NEXTAUTH_URL: "https://hooks.example.com/" });
    const { doc, cacheControl } = await fetchDocument({ host: "10.0.0.5:3000" });
    expect(doc).toMatchObject({ issuer: "https://hooks.example.com", revocation_endpoint: "https://hooks.example.com/api/oauth/revoke" });
    expect(cacheControl).toBe("public, max-age=300");
  });
});
