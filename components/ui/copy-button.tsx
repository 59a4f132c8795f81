"use client";

import { useState } from "react";
import { Button } from "./button";

/**
 * Copies with the Clipboard API where the browser offers it (https or localhost); elsewhere, such as
 * plain http on a LAN address, through a hidden textarea. Says "Copied" only when a copy happened.
 */
async function copyText(value: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(value);
      return true;
    } catch {
      // fall through to the older way
    }
  }
  const area = document.createElement("textarea");
  area.value = value;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <Button
      variant="secondary"
      disabled={!value}
      onClick={async () => {
        setState((await copyText(value)) ? "copied" : "failed");
        setTimeout(() => setState("idle"), 2_000);
      }}
    >
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Select and copy by hand" : label}</span>
    </Button>
  );
}
