import { TextField } from "@/components/ui/text-field";

type Props = {
  isOrdered: boolean;
  orderingKey: string;
  onChange: (patch: { ordered?: boolean; orderingKey?: string }) => void;
  error?: string;
};

/** "Deliver in order", optionally per ordering key (lib/delivery/ordering.ts). */
export function OrderedDeliveryFields({ isOrdered, orderingKey, onChange, error }: Props) {
  return (
    <div>
      <label className="flex items-start gap-3">
        <input
          type="checkbox"
          name="ordered"
          className="mt-0.5 h-4 w-4 shrink-0 rounded border-gray-300"
          checked={isOrdered}
          onChange={(e) => onChange({ ordered: e.target.checked })}
        />
        <span>
          <span className="block text-sm font-medium text-gray-900">Deliver in order</span>
          <span className="block text-sm text-gray-600">
            A delivery is sent only once every earlier one has succeeded or failed for good, so a failing delivery holds back the ones after it until it
            succeeds or uses up its retries. With an ordering key, only deliveries with the same key wait for each other.
          </span>
        </span>
      </label>
      {isOrdered ? (
        <TextField
          className="mt-3 sm:max-w-sm"
          label="Ordering key (optional)"
          name="orderingKey"
          placeholder="data.id"
          value={orderingKey}
          onChange={(e) => onChange({ orderingKey: e.target.value })}
          error={error}
        />
      ) : null}
    </div>
  );
}
