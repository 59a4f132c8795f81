// Renders the OpenAPI document as a readable reference: one card per operation, grouped by tag.
type Json = Record<string, unknown>;
type Operation = {
  tags?: string[];
  summary?: string;
  parameters?: Json[];
  requestBody?: { content: { "application/json": { schema: Json } } };
  responses: Record<string, { description: string }>;
};

const METHOD_TONE: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-green-100 text-green-800",
  patch: "bg-amber-100 text-amber-800",
  delete: "bg-red-100 text-red-800",
};

function resolve(schema: Json, doc: Json): Json {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const name = ref.split("/").at(-1) as string;
  return ((doc.components as Json).schemas as Json)[name] as Json;
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
          <span className="text-gray-500"> {String(p.type ?? (p.anyOf ? "one of" : "value"))}</span>
          {required.has(name) ? <span className="text-red-700"> required</span> : null}
          {p.description ? <span className="text-gray-500"> · {String(p.description)}</span> : null}
        </li>
      ))}
    </ul>
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
  return (
    <div className="space-y-8">
      {tags.map((tag) => (
        <section key={tag}>
          <h2 className="text-sm font-semibold tracking-wide text-gray-500 uppercase">{tag}</h2>
          <ul className="mt-3 space-y-3">
            {operations
              .filter((o) => (o.op.tags?.[0] ?? "Other") === tag)
              .map(({ path, method, op, shared }) => {
                const parameters = [...shared, ...(op.parameters ?? [])];
                return (
                  <li key={`${method} ${path}`} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_TONE[method] ?? ""}`}>{method}</span>
                      <code className="font-mono text-sm break-all text-gray-900">/api/v1{path}</code>
                    </div>
                    <p className="mt-1.5 text-sm text-gray-700">{op.summary}</p>
                    {parameters.length ? (
                      <p className="mt-2 text-xs text-gray-600">
                        Parameters:{" "}
                        {parameters.map((p) => (
                          <code key={String(p.name)} className="mr-2 font-mono">
                            {String(p.name)} ({String(p.in)})
                          </code>
                        ))}
                      </p>
                    ) : null}
                    {op.requestBody ? (
                      <div className="mt-2">
                        <p className="text-xs font-semibold text-gray-600">Body</p>
                        <SchemaFields schema={op.requestBody.content["application/json"].schema} doc={doc} />
                      </div>
                    ) : null}
                    <p className="mt-2 text-xs text-gray-600">
                      Responses:{" "}
                      {Object.entries(op.responses).map(([code, r]) => (
                        <span key={code} className="mr-3">
                          <code className="font-mono font-semibold">{code}</code> {r.description}
                        </span>
                      ))}
                    </p>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </div>
  );
}
