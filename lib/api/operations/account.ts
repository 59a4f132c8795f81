import { ZAccount, ZAccountUpdate, ZPasswordChange } from "../../validation/user";
import { defineOperation } from "../define-operation";
import { output, single } from "../openapi-schema";

export const changePasswordOperation = defineOperation({
  method: "POST",
  path: "/account/password",
  tag: "Account",
  scopes: ["administrative"],
  level: "session",
  isSessionOnly: true,
  summary: "Change your own password (signs you out everywhere, this browser included)",
  body: ZPasswordChange,
  responses: [{ status: 204, description: "Changed: every session of yours has ended; sign in with the new password" }],
  errors: [400, 401, 403, 429],
  errorMeanings: { 400: "A field is wrong: currentPassword is not your password, or newPassword breaks a rule", 429: "Too many wrong current passwords: wait" },
});

export const signOutEverywhereOperation = defineOperation({
  method: "POST",
  path: "/account/sign-out-everywhere",
  tag: "Account",
  scopes: ["administrative"],
  level: "session",
  isSessionOnly: true,
  summary: "End every session of yours, in every browser, this one included",
  responses: [{ status: 204, description: "Signed out everywhere" }],
  errors: [401, 403],
});

export const updateAccountOperation = defineOperation({
  method: "PATCH",
  path: "/account",
  tag: "Account",
  scopes: ["administrative"],
  level: "session",
  isSessionOnly: true,
  summary: "Change your own settings: whether Hookline emails you when a webhook breaks",
  body: ZAccountUpdate,
  responses: [{ status: 200, description: "Your settings now", schema: single(output(ZAccount)) }],
  errors: [400, 401, 403],
});
