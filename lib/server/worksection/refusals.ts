import "server-only";
import { DomainError, type TDomainErrorKind } from "../../errors/domain-error";

// What Worksection's actions refuse, as plain domain errors: the API layer puts them in Worksection's
// words and statuses (lib/api/worksection/worksection-error.ts). Worksection's answer quotes the values
// at fault (the unknown event names, the id, the URL), so a refusal about values carries one issue
// per value, each naming the parameter it was sent in.

/** A refusal of `values` sent in the parameter `name`. */
export function refusal(kind: TDomainErrorKind, code: string, message: string, name: string, values: string[]): DomainError {
  return new DomainError(
    kind,
    code,
    message,
    values.map((value) => ({ path: name, message: value })),
  );
}

/** A parameter the action needs is missing (or blank). */
export function required(name: string): DomainError {
  const message = `${name} is required`;
  return new DomainError("invalid", "required", message, [{ path: name, message }]);
}

export function webhookNotFound(id: string): DomainError {
  return refusal("not_found", "not_found", "Webhook not found", "id", [id]);
}

/** No action of that name (or none named). */
export function unknownAction(name: string): DomainError {
  return refusal("invalid", "invalid_action", name ? `No action "${name.slice(0, 100)}"` : "Name an action", "action", name ? [name] : []);
}
