import { describe, expect, it } from "vitest";
import { deliveryIdCandidates } from "@/lib/client/delivery-id-candidates";

const EVENT = "11111111-2222-4333-8444-555555555555";
const DELIVERY = "0b7c6a1e-9f2d-4e3b-8a6c-1d2e3f4a5b6c";

describe("deliveryIdCandidates", () => {
  it("takes a bare UUID, in any case", () => {
    expect(deliveryIdCandidates(` ${DELIVERY.toUpperCase()} `)).toEqual([DELIVERY]);
  });
  it("prefers the UUID labelled Delivery or webhook-id over others earlier in the line", () => {
    expect(deliveryIdCandidates(`received {"id":"${EVENT}"} headers delivery: ${DELIVERY}`)).toEqual([DELIVERY, EVENT]);
    expect(deliveryIdCandidates(`event=${EVENT} webhook-id=${DELIVERY}`)).toEqual([DELIVERY, EVENT]);
    expect(deliveryIdCandidates(`{"event_id":"${EVENT}","delivery_id":"${DELIVERY}"}`)).toEqual([DELIVERY, EVENT]);
  });
  it("otherwise offers every UUID in order, once", () => {
    expect(deliveryIdCandidates(`${EVENT} then ${DELIVERY} and ${EVENT}`)).toEqual([EVENT, DELIVERY]);
    expect(deliveryIdCandidates("no id here")).toEqual([]);
  });
});
