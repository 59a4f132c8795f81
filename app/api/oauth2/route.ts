// GET|POST /api/oauth2?action=add_webhook|get_webhooks|delete_webhook — Worksection's admin API with
// an OAuth 2.0 access token (Authorization: Bearer, or access_token=) instead of the key's hash.
import { handleWorksectionOAuth } from "@/lib/api/worksection/handle-oauth2";

export const GET = handleWorksectionOAuth;
export const POST = handleWorksectionOAuth;
