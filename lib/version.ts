/** Sent as `User-Agent: Hookline-Webhooks/<version>`; kept equal to package.json by a test. */
export const HOOKLINE_VERSION = "0.1.0";
