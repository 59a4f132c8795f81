"use client";

import { useState } from "react";
import { Button } from "./button";

export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [isCopied, setIsCopied] = useState(false);
  return (
    <Button
      variant="secondary"
      disabled={!value}
      onClick={async () => {
        await navigator.clipboard?.writeText(value).catch(() => {});
        setIsCopied(true);
        setTimeout(() => setIsCopied(false), 1_500);
      }}
    >
      <span aria-live="polite">{isCopied ? "Copied" : label}</span>
    </Button>
  );
}
