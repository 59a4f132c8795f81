"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";
import { Button } from "./button";

type Props = {
  isOpen: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  isDanger?: boolean;
};

/**
 * A modal confirmation on the native <dialog>: showModal() makes the page behind it inert (focus
 * stays inside), Escape cancels, and focus returns to the opener when it closes.
 */
export function ConfirmDialog({ isOpen, title, children, confirmLabel, onConfirm, onCancel, isDanger = false }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  // Its own id: two dialogs on one page (API keys: Revoke and Regenerate) must not share a title.
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl bg-white p-0 text-gray-900 shadow-xl backdrop:bg-black/50"
    >
      <div className="p-6">
        <h2 id={titleId} className="text-base font-semibold text-gray-900">
          {title}
        </h2>
        <div className="mt-2 text-sm text-gray-600">{children}</div>
        <div className="mt-6 flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel} autoFocus>
            Cancel
          </Button>
          <Button variant={isDanger ? "danger" : "primary"} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
