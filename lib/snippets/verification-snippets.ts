// Receiver-side checks shown on the webhook page, each run by tests/lib/snippets against a real
// delivery where its language is installed:
// - `code` checks the `Signature` header (hex HMAC-SHA256 of the raw body, keyed by the token) and
//   defines `verify(rawBody, signature, token)`;
// - `twenty` checks `X-Twenty-Webhook-Signature` (hex HMAC-SHA256 of `<timestamp>:<raw body>`, keyed
//   by the token string, timestamp in ms from `X-Twenty-Webhook-Timestamp`) and refuses a timestamp
//   more than 5 minutes from the receiver's clock; it defines `verifyTwenty` (`verify_twenty` in
//   Python) taking (rawBody, signature, timestamp, token).

export type TSnippet = { language: "Node.js" | "Go" | "Python" | "PHP"; code: string; twenty: string };

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
    twenty: `const crypto = require("node:crypto");

// rawBody: the request body exactly as received; signature, timestamp: the
// X-Twenty-Webhook-Signature and X-Twenty-Webhook-Timestamp (milliseconds) headers
function verifyTwenty(rawBody, signature, timestamp, token) {
  const ts = String(timestamp);
  if (!/^\\d+$/.test(ts) || Math.abs(Date.now() - Number(ts)) > 5 * 60 * 1000) return false;
  const expected = crypto.createHmac("sha256", token).update(\`\${ts}:\`).update(rawBody).digest("hex");
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
    twenty: `import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"time"
)

// rawBody: io.ReadAll(r.Body); signature, timestamp: r.Header.Get("X-Twenty-Webhook-Signature"),
// r.Header.Get("X-Twenty-Webhook-Timestamp") (milliseconds)
func verifyTwenty(rawBody []byte, signature string, timestamp string, token string) bool {
	ms, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return false
	}
	age := time.Now().UnixMilli() - ms
	if age > 5*60*1000 || age < -5*60*1000 {
		return false
	}
	mac := hmac.New(sha256.New, []byte(token))
	mac.Write([]byte(timestamp + ":"))
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
    twenty: `import hashlib
import hmac
import time

# raw_body: the request body as received (bytes); signature, timestamp: the
# X-Twenty-Webhook-Signature and X-Twenty-Webhook-Timestamp (milliseconds) headers
def verify_twenty(raw_body: bytes, signature: str, timestamp: str, token: str) -> bool:
    if not (timestamp.isascii() and timestamp.isdigit()):
        return False
    if abs(time.time() * 1000 - int(timestamp)) > 5 * 60 * 1000:
        return False
    expected = hmac.new(token.encode(), timestamp.encode() + b":" + raw_body, hashlib.sha256).hexdigest()
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
    twenty: `<?php
// $rawBody: file_get_contents('php://input'); $signature, $timestamp: $_SERVER['HTTP_X_TWENTY_WEBHOOK_SIGNATURE'],
// $_SERVER['HTTP_X_TWENTY_WEBHOOK_TIMESTAMP'] (milliseconds)
function verifyTwenty(string $rawBody, string $signature, string $timestamp, string $token): bool {
    if (!ctype_digit($timestamp) || abs(microtime(true) * 1000 - (float) $timestamp) > 5 * 60 * 1000) {
        return false;
    }
    $expected = hash_hmac('sha256', $timestamp . ':' . $rawBody, $token);
    return hash_equals($expected, $signature);
}`,
  },
];
