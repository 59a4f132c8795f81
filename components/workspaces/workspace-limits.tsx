"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { focusFirstInvalid } from "@/components/ui/focus-first-invalid";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { errorsOf, fieldErrors } from "@/lib/client/api-client";
import { useUpdateWorkspace } from "@/lib/queries/use-update-workspace";
import { type TWorkspace, ZWorkspaceUpdate } from "@/lib/validation/workspace";

type TErrors = Partial<Record<"maxInFlight" | "rateLimitPerSecond" | "form", string>>;

const asText = (n: number | null) => (n === null ? "" : String(n));
/** Empty means no limit (null); anything else goes to the schema as a number, which judges it. */
const asLimit = (text: string) => (text.trim() === "" ? null : Number(text));

/** The workspace's delivery limits, for all its webhooks together (each webhook has its own too). */
export function WorkspaceLimits({ workspace }: { workspace: TWorkspace }) {
  const toast = useToast();
  const update = useUpdateWorkspace();
  const [maxInFlight, setMaxInFlight] = useState(asText(workspace.maxInFlight));
  const [rate, setRate] = useState(asText(workspace.rateLimitPerSecond));
  const [errors, setErrors] = useState<TErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (Object.keys(errors).length) focusFirstInvalid(formRef.current);
  }, [errors]);
  const isChanged = maxInFlight !== asText(workspace.maxInFlight) || rate !== asText(workspace.rateLimitPerSecond);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = ZWorkspaceUpdate.safeParse({ maxInFlight: asLimit(maxInFlight), rateLimitPerSecond: asLimit(rate) });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    update.mutate(
      { id: workspace.id, patch: parsed.data },
      {
        onSuccess: (saved) => {
          setMaxInFlight(asText(saved.maxInFlight));
          setRate(asText(saved.rateLimitPerSecond));
          toast.success(`Limits of “${saved.name}” saved`);
        },
        onError: (e) => setErrors(errorsOf(e, "form")),
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={`Limits of ${workspace.name}`} className="space-y-3 border-t border-gray-100 px-5 py-4">
      <p className="text-xs text-gray-600">Limits for all its webhooks together, across all workers. Leave empty for no limit.</p>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <TextField
          label="Requests in flight at most"
          name="maxInFlight"
          inputMode="numeric"
          placeholder="No limit"
          value={maxInFlight}
          onChange={(e) => setMaxInFlight(e.target.value)}
          error={errors.maxInFlight}
          className="flex-1"
        />
        <TextField
          label="Requests per second at most"
          name="rateLimitPerSecond"
          inputMode="numeric"
          placeholder="No limit"
          value={rate}
          onChange={(e) => setRate(e.target.value)}
          error={errors.rateLimitPerSecond}
          className="flex-1"
        />
        <Button type="submit" variant="secondary" disabled={update.isPending || !isChanged} className="sm:mt-[1.625rem]">
          {update.isPending ? "Saving…" : "Save limits"}
        </Button>
      </div>
      {errors.form ? (
        <p role="alert" tabIndex={-1} className="text-sm text-red-600">
          {errors.form}
        </p>
      ) : null}
    </form>
  );
}
