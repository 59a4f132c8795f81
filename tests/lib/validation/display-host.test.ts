import { domainToASCII, domainToUnicode } from "node:url";
import { describe, expect, it } from "vitest";
import { decodePunycode, unicodeHostOf } from "@/lib/validation/display-host";

describe("decodePunycode (RFC 3492)", () => {
  // Samples from RFC 3492 section 7.1, decoded case-preserving as the RFC gives them.
  it.each([
    ["egbpdaj6bu4bxfgehfvwxn", "\u0644\u064a\u0647\u0645\u0627\u0628\u062a\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064a\u061f"],
    ["ihqwcrb4cv8a8dqg056pqjye", "他们为什么不说中文"],
    ["PorqunopuedensimplementehablarenEspaol-fmd56a", "PorquénopuedensimplementehablarenEspañol"],
    ["3B-ww4c5e180e575a65lsy2b", "3年B組金八先生"],
    ["-> $1.00 <--", "-> $1.00 <-"],
    ["bcher-kva", "bücher"],
    ["ls8h", "💩"],
  ])("%s", (encoded, decoded) => {
    expect(decodePunycode(encoded)).toBe(decoded);
  });

  it.each(["zz", "bcher-kva!", "ü-kva", "99999999999", "-abc"])("refuses the malformed %s", (encoded) => {
    expect(decodePunycode(encoded)).toBeNull();
  });

  it('decodes to controls too ("a" is U+0080): displaying is unicodeHostOf\'s decision', () => {
    expect(decodePunycode("a")).toBe("\u0080");
  });

  it("agrees with node:url on real IDN hosts", () => {
    for (const host of ["bücher.example", "例.テスト", "bücher.рф", "straße.de", "ñandú.example", "παράδειγμα.δοκιμή", "日本語.jp", "🦄.example"]) {
      const ascii = domainToASCII(host);
      expect(ascii).toMatch(/xn--/);
      expect(unicodeHostOf(`https://${ascii}/in`), host).toBe(domainToUnicode(ascii));
    }
  });
});

describe("unicodeHostOf", () => {
  it("gives the Unicode host beside a stored punycode URL", () => {
    expect(unicodeHostOf("https://xn--bcher-kva.example/")).toBe("bücher.example");
    expect(unicodeHostOf("https://hooks.xn--bcher-kva.example:8443/in?x=1")).toBe("hooks.bücher.example");
    expect(unicodeHostOf("https://xn--80ak6aa92e.com/")).toBe("аррӏе.com"); // a homograph: the ASCII form stays first
  });

  it("is null for plain ASCII hosts, IP literals and what is not a URL", () => {
    for (const url of ["https://example.com/", "http://127.0.0.1:8080/", "http://[::1]/", "not a url", ""]) expect(unicodeHostOf(url)).toBeNull();
  });

  it("is null for a punycode label that is ASCII in disguise or not displayable", () => {
    expect(new URL("http://xn--abc-.example/").hostname).toBe("xn--abc-.example"); // the parser accepts it ...
    expect(unicodeHostOf("http://xn--abc-.example/")).toBeNull(); // ... but showing "abc.example" would mislead
    expect(unicodeHostOf("http://xn--zz.example/")).toBeNull();
  });
});
