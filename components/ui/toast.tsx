"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";

type TToast = { id: number; kind: "success" | "error"; message: string };
type TToastApi = { success: (message: string) => void; error: (message: string) => void };

const ToastContext = createContext<TToastApi | null>(null);
let nextId = 1;

/** Outcome messages in a polite live region (errors assertive), dismissed after a few seconds. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<TToast[]>([]);
  const push = useCallback((kind: TToast["kind"], message: string) => {
    const id = nextId++;
    setToasts((t) => [...t, { id, kind, message }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), kind === "error" ? 8_000 : 4_000);
  }, []);
  const api = useMemo(() => ({ success: (m: string) => push("success", m), error: (m: string) => push("error", m) }), [push]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2">
        {toasts.map((t) => (
          <div
            key={t.id}
            role={t.kind === "error" ? "alert" : "status"}
            className={`pointer-events-auto rounded-lg px-4 py-3 text-sm shadow-lg ring-1 ${t.kind === "error" ? "bg-red-50 text-red-900 ring-red-200" : "bg-green-50 text-green-900 ring-green-200"}`}
          >
            {t.message}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): TToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast outside ToastProvider");
  return api;
}
