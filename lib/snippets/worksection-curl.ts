// The ready-to-copy example of Settings → API keys for Worksection's admin API: shell and curl,
// with the hash computed as Worksection's docs define it, md5(query parameters + key). Pure, so the
// browser shows it and the tests run it.

export const KEY_PLACEHOLDER = "<administrative key>";

/** A value inside single quotes in sh: a quote ends the string, is escaped, and starts it again. */
const shellQuoted = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** The three actions as curl calls against `origin`; `key` is filled in once revealed. */
export function worksectionCurlExample({ origin, key }: { origin: string; key: string | null }): string {
  return [
    `KEY=${shellQuoted(key ?? KEY_PLACEHOLDER)}`,
    `BASE=${shellQuoted(`${origin}/api/admin/v2/`)}`,
    '# hash = md5(query parameters + key)   (macOS: md5 -q -s "$1$KEY")',
    `sign() { printf '%s' "$1$KEY" | md5sum | cut -d' ' -f1; }`,
    "",
    "# List webhooks",
    "Q='action=get_webhooks'",
    'curl -s "$BASE?$Q&hash=$(sign "$Q")"',
    "",
    "# Add one: its URL must answer a test delivery with 2xx first",
    "Q='action=add_webhook&url=https%3A%2F%2Fexample.com%2Fhooks&events=post_task,close_task'",
    'curl -s "$BASE?$Q&hash=$(sign "$Q")"',
    "",
    "# Delete one (ids are Hookline's UUIDs)",
    "Q='action=delete_webhook&id=<webhook id>'",
    'curl -s "$BASE?$Q&hash=$(sign "$Q")"',
  ].join("\n");
}
