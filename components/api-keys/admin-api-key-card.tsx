"use client";

import { useEffect, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { useToast } from "@/components/ui/toast";
import { useRegenerateAdminApiKey } from "@/lib/queries/use-regenerate-admin-api-key";
import { useRevealAdminApiKey } from "@/lib/queries/use-reveal-admin-api-key";
import { worksectionCurlExample } from "@/lib/snippets/worksection-curl";
import type { TAdminApiKey } from "@/lib/validation/admin-api-key";

const dateText = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * The workspace's one administrative key for Worksection's admin API (/api/admin/v2). Unlike
 * the Bearer keys above it is readable again (its hash scheme needs it), so it is revealed on
 * request; regenerating replaces it at once, hence the confirmation.
 */
export function AdminApiKeyCard({ initialCreatedAt }: { initialCreatedAt: string | null }) {
  const toast = useToast();
  const reveal = useRevealAdminApiKey();
  const regenerate = useRegenerateAdminApiKey();
  const [createdAt, setCreatedAt] = useState(initialCreatedAt);
  const [shown, setShown] = useState<TAdminApiKey | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  // The example names this site as the browser sees it; set after hydration (the server cannot know it).
  const [origin, setOrigin] = useState("https://hookline.example");
  useEffect(() => setOrigin(window.location.origin), []);

  const onRegenerated = (key: TAdminApiKey, isFirst: boolean) => {
    setShown(key);
    setCreatedAt(key.createdAt);
    toast.success(isFirst ? "Administrative key created" : "Administrative key regenerated: the old one no longer works");
  };
  const makeKey = (isFirst: boolean) =>
    regenerate.mutate(undefined, { onSuccess: (key) => onRegenerated(key, isFirst), onError: (e) => toast.error(`Could not make the key: ${e.message}`) });
  const example = worksectionCurlExample({ origin, key: shown?.key ?? null });

  return (
    <section aria-labelledby="admin-key-title" className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
      <div>
        <h2 id="admin-key-title" className="text-base font-semibold text-gray-900">
          Administrative API key (Worksection-compatible)
        </h2>
        <p className="mt-1 text-sm text-gray-600">
          For clients of Worksection's admin API: <code className="font-mono break-all">/api/admin/v2/?action=add_webhook|get_webhooks|delete_webhook</code>,
          each call signed with <code className="font-mono">hash = md5(query parameters + key)</code>. It works only there, never as a Bearer key. One per
          workspace: calls it signs act in this workspace.
        </p>
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <p className="w-full text-sm text-gray-700 sm:mr-auto sm:w-auto" data-testid="admin-key-state">
          {createdAt ? `Created ${dateText(createdAt)}` : "No administrative key yet: every call to /api/admin/v2 is refused."}
        </p>
        {createdAt ? (
          <>
            {shown ? (
              <Button variant="secondary" onClick={() => setShown(null)}>
                Hide
              </Button>
            ) : (
              <Button
                variant="secondary"
                disabled={reveal.isPending}
                onClick={() => reveal.mutate(undefined, { onSuccess: setShown, onError: (e) => toast.error(`Could not reveal: ${e.message}`) })}
              >
                {reveal.isPending ? "Revealing…" : "Reveal"}
              </Button>
            )}
            <Button variant="danger" disabled={regenerate.isPending} onClick={() => setIsConfirming(true)}>
              Regenerate
            </Button>
          </>
        ) : (
          <Button disabled={regenerate.isPending} onClick={() => makeKey(true)}>
            {regenerate.isPending ? "Creating…" : "Create administrative key"}
          </Button>
        )}
      </div>

      {shown ? <SecretReveal label="Administrative API key" value={shown.key} /> : null}
      {reveal.error && !shown ? <ErrorAlert>Could not reveal the key: {reveal.error.message}</ErrorAlert> : null}

      <div>
        <div className="mb-1.5 flex items-center justify-between gap-2">
          <span className="text-xs text-gray-500">{shown ? "curl, with your key filled in" : "curl (reveal the key to fill it in)"}</span>
          <CopyButton value={example} />
        </div>
        <CodeBlock data-testid="admin-key-example" className="overflow-auto rounded-lg bg-code p-4 font-mono text-xs text-code-foreground">
          {example}
        </CodeBlock>
      </div>

      <ConfirmDialog
        isOpen={isConfirming}
        title="Regenerate the administrative API key?"
        confirmLabel="Regenerate"
        isDanger
        onCancel={() => setIsConfirming(false)}
        onConfirm={() => {
          setIsConfirming(false);
          makeKey(false);
        }}
      >
        Worksection clients using the current key fail from their next call until they are given the new one. This cannot be undone.
      </ConfirmDialog>
    </section>
  );
}
