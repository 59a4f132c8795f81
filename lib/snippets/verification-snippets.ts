// Receiver-side checks of the `Signature` header (hex HMAC-SHA256 of the raw body, keyed by the
// webhook's token), shown on the webhook page. tests/lib/snippets runs each one against a real
// delivery where its language is installed. Each defines `verify(rawBody, signature, token)`.

export type TSnippet = { language: "Node.js" | "Go" | "Python" | "PHP"; code: string };

export const SNIPPETS: TSnippet[] = [
  {
    language: "Node.js",
    code: `const crypto = require("node:crypto");

// rawBody: the request body exactly as received (a Buffer or string, before JSON.parse)
function verify(rawBody, signature, token) {
  const expected = crypto.createHmac("sha256", token).update(rawBody).digest("hex");
  const a = Buffer.from(expected);
  const b = Buffer.from(String(signature));
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}`,
  },
  {
    language: "Go",
    code: `import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

// rawBody: the request body exactly as received (io.ReadAll(r.Body))
func verify(rawBody []byte, signature string, token string) bool {
	mac := hmac.New(sha256.New, []byte(token))
	mac.Write(rawBody)
	expected := hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(expected), []byte(signature))
}`,
  },
  {
    language: "Python",
    code: `import hashlib
import hmac

# raw_body: the request body exactly as received (bytes, before json.loads)
def verify(raw_body: bytes, signature: str, token: str) -> bool:
    expected = hmac.new(token.encode(), raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)`,
  },
  {
    language: "PHP",
    code: `<?php
// $rawBody: file_get_contents('php://input'), before json_decode
function verify(string $rawBody, string $signature, string $token): bool {
    $expected = hash_hmac('sha256', $rawBody, $token);
    return hash_equals($expected, $signature);
}`,
  },
];
