import { useQuery } from "@tanstack/react-query";
import { fetchOAuthApps } from "../client/oauth-apps-api";
import { oauthAppKeys } from "./keys";

export function useOAuthApps() {
  return useQuery({ queryKey: oauthAppKeys.all, queryFn: ({ signal }) => fetchOAuthApps(signal) });
}
