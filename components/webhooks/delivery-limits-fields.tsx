import { TextField } from "@/components/ui/text-field";
import { MAX_IN_FLIGHT_DEFAULT } from "@/lib/validation/webhook";

type Props = {
  maxInFlight: string;
  rateLimit: string;
  onChange: (field: "maxInFlight" | "rateLimit", value: string) => void;
  errors: { maxInFlight?: string; rateLimitPerSecond?: string };
};

/** The form's text for a limit: a whole number the schema checks, or (rate) empty for none. */
export function limitsPayload(maxInFlight: string, rateLimit: string) {
  return {
    maxInFlight: maxInFlight.trim() === "" ? MAX_IN_FLIGHT_DEFAULT : Number(maxInFlight),
    rateLimitPerSecond: rateLimit.trim() === "" ? null : Number(rateLimit),
  };
}

const WHOLE_NUMBER = { type: "number", inputMode: "numeric", min: 1, step: 1 } as const;

/** Per-webhook delivery limits, enforced across all workers (lib/delivery/claim-deliveries.ts). */
export function DeliveryLimitsFields({ maxInFlight, rateLimit, onChange, errors }: Props) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-gray-900">Delivery limits</legend>
      <p className="mt-1 text-sm text-gray-600">How hard Hookline may push this receiver. Deliveries over a limit wait in the queue; none is dropped.</p>
      <div className="mt-3 grid gap-5 sm:grid-cols-2">
        <TextField
          label="Requests in flight at most"
          name="maxInFlight"
          {...WHOLE_NUMBER}
          placeholder={String(MAX_IN_FLIGHT_DEFAULT)}
          value={maxInFlight}
          onChange={(e) => onChange("maxInFlight", e.target.value)}
          error={errors.maxInFlight}
        />
        <TextField
          label="Requests per second at most (optional)"
          name="rateLimitPerSecond"
          {...WHOLE_NUMBER}
          placeholder="No limit"
          value={rateLimit}
          onChange={(e) => onChange("rateLimit", e.target.value)}
          error={errors.rateLimitPerSecond}
        />
      </div>
    </fieldset>
  );
}
