// GET|POST /api/admin/v2/?action=add_webhook|get_webhooks|delete_webhook — Worksection's admin API,
// authenticated by hash = md5(parameters + administrative key). `npm start` answers the trailing-slash
// form (Worksection's) itself, before Next would redirect it (lib/api/direct-routes.ts).
import { handleWorksectionAdmin } from "@/lib/api/worksection/handle-admin-v2";

export const GET = handleWorksectionAdmin;
export const POST = handleWorksectionAdmin;
