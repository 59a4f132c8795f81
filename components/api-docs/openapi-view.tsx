import { CodeBlock } from "@/components/ui/code-block";
import { exampleOf, typeLabel } from "./schema-text";

// Renders the OpenAPI document as a readable reference: a table of contents, then one card per
// operation, grouped by tag, with its parameters, body fields, example request and response.
type Json = Record<string, unknown>;
type Content = { content?: { "application/json"?: { schema: Json } } };
type Operation = {
  tags?: string[];
  summary?: string;
  parameters?: Json[];
  requestBody?: Content;
  responses: Record<string, { description: string } & Content>;
  security?: Record<string, string[]>[];
};

/** What an operation's credential needs, in words: the scopes of its apiKey requirement. */
function accessText(op: Operation): string {
  const scopes = op.security?.find((s) => "apiKey" in s)?.apiKey;
  if (!scopes) return "Admin session only";
  return `Scope: ${scopes.join(" or ")}${scopes.includes("administrative") ? "" : " (or administrative)"}`;
}

const METHOD_TONE: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-green-100 text-green-800",
  patch: "bg-amber-100 text-amber-800",
  delete: "bg-red-100 text-red-800",
};

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const anchor = (method: string, path: string) => `op-${method}-${slug(path)}`;

function resolve(schema: Json, doc: Json): Json {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  return ((doc.components as Json).schemas as Json)[ref.split("/").at(-1) as string] as Json;
}

function SchemaFields({ schema, doc }: { schema: Json; doc: Json }) {
  const s = resolve(schema, doc);
  const properties = (s.properties ?? {}) as Record<string, Json>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  return (
    <ul className="mt-1 space-y-1">
      {Object.entries(properties).map(([name, p]) => (
        <li key={name} className="text-xs text-gray-700">
          <code className="font-mono font-semibold text-gray-900">{name}</code>
          <span className="text-gray-500"> {typeLabel(p, doc)}</span>
          {required.has(name) ? <span className="text-red-700"> required</span> : null}
          {p.description ? <span className="text-gray-500"> · {String(p.description)}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function Example({ label, schema, doc }: { label: string; schema: Json; doc: Json }) {
  return (
    <div className="min-w-0">
      <p className="text-xs font-semibold text-gray-600">{label}</p>
      <CodeBlock className="mt-1 max-h-64 overflow-auto rounded bg-gray-50 p-2 font-mono text-xs text-gray-800">
        {JSON.stringify(exampleOf(schema, doc), null, 2)}
      </CodeBlock>
    </div>
  );
}

export function OpenApiView({ doc }: { doc: Json }) {
  const paths = doc.paths as Record<string, Record<string, Operation | Json[]>>;
  const operations = Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => method !== "parameters")
      .map(([method, op]) => ({ path, method, op: op as Operation, shared: (item.parameters as Json[] | undefined) ?? [] })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags?.[0] ?? "Other"))];
  const ofTag = (tag: string) => operations.filter((o) => (o.op.tags?.[0] ?? "Other") === tag);
  return (
    <div className="space-y-8">
      <nav aria-label="Contents" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200">
        <h2 className="text-sm font-semibold text-gray-900">Contents</h2>
        <ul className="mt-2 grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {tags.map((tag) => (
            <li key={tag}>
              <a href={`#${slug(tag)}`} className="text-sm font-medium text-brand-700 underline underline-offset-2">
                {tag}
              </a>
              <ul className="mt-1 space-y-0.5">
                {ofTag(tag).map(({ path, method }) => (
                  <li key={`${method} ${path}`}>
                    <a href={`#${anchor(method, path)}`} className="font-mono text-xs break-all text-gray-700 hover:text-brand-700">
                      {method.toUpperCase()} {path}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={slug(tag)}>
          <h2 id={slug(tag)} className="scroll-mt-4 text-sm font-semibold tracking-wide text-gray-500 uppercase">
            {tag}
          </h2>
          <ul className="mt-3 space-y-3">
            {ofTag(tag).map(({ path, method, op, shared }) => {
              const parameters = [...shared, ...(op.parameters ?? [])];
              const body = op.requestBody?.content?.["application/json"]?.schema;
              const success = Object.entries(op.responses).find(([code]) => code.startsWith("2"));
              const answer = success?.[1].content?.["application/json"]?.schema;
              return (
                <li key={`${method} ${path}`} id={anchor(method, path)} className="scroll-mt-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_TONE[method] ?? ""}`}>{method}</span>
                    <code className="font-mono text-sm break-all text-gray-900">/api/v1{path}</code>
                  </div>
                  <p className="mt-1.5 text-sm text-gray-700">{op.summary}</p>
                  <p className="mt-1 text-xs text-gray-600" data-testid="op-access">
                    {accessText(op)}
                  </p>
                  {parameters.length ? (
                    <div className="mt-2">
                      <p className="text-xs font-semibold text-gray-600">Parameters</p>
                      <ul className="mt-1 space-y-1">
                        {parameters.map((p) => (
                          <li key={String(p.name)} className="text-xs text-gray-700">
                            <code className="font-mono font-semibold text-gray-900">{String(p.name)}</code>
                            <span className="text-gray-500">
                              {" "}
                              {typeLabel((p.schema as Json | undefined) ?? {}, doc)} in {String(p.in)}
                            </span>
                            {p.required ? <span className="text-red-700"> required</span> : null}
                            {p.description ? <span className="text-gray-500"> · {String(p.description)}</span> : null}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  {body ? (
                    <div className="mt-2">
                      <p className="text-xs font-semibold text-gray-600">Body</p>
                      <SchemaFields schema={body} doc={doc} />
                    </div>
                  ) : null}
                  {body || answer ? (
                    <div className="mt-3 grid gap-3 md:grid-cols-2">
                      {body ? <Example label="Example request" schema={body} doc={doc} /> : null}
                      {answer && success ? <Example label={`Example response (${success[0]})`} schema={answer} doc={doc} /> : null}
                    </div>
                  ) : null}
                  <p className="mt-3 text-xs text-gray-600">Responses</p>
                  <ul className="mt-1 space-y-0.5 text-xs text-gray-700">
                    {Object.entries(op.responses).map(([code, r]) => (
                      <li key={code}>
                        <code className="font-mono font-semibold">{code}</code> {r.description}
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
