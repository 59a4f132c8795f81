import { metadataEndpoint } from "@/lib/api/oauth/metadata-endpoint";
import { toErrorResponse } from "@/lib/api/with-admin";

// RFC 8414: where a client finds the endpoints, under the site's public origin.
export async function GET(request: Request): Promise<Response> {
  return metadataEndpoint(request).catch(toErrorResponse);
}
