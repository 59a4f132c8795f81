"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { z } from "zod";
import { ToastProvider } from "@/components/ui/toast";

// Zod compiles object parsers with `new Function` when it may, and finds out by trying one: under our
// CSP (no 'unsafe-eval') that try is a reported violation on every page that validates. The browser
// parses small forms, so the interpreted parser costs nothing noticeable. Route handlers and the worker
// load their own copy of zod (Next bundles it per layer) and keep the JIT.
z.config({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser tab (useState), never shared between server requests.
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1 } } }));
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
