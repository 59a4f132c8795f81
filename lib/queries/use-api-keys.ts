import { useQuery } from "@tanstack/react-query";
import { fetchApiKeys } from "../client/api-keys-api";
import { apiKeyKeys } from "./keys";

export function useApiKeys() {
  return useQuery({ queryKey: apiKeyKeys.all, queryFn: ({ signal }) => fetchApiKeys(signal) });
}
