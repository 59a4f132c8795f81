// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { EventsPicker } from "@/components/webhooks/events-picker";
import type { TEventType } from "@/lib/validation/event-type";
import { ALL_EVENTS } from "@/lib/validation/webhook";

const EVENT_TYPES: TEventType[] = [
  { name: "invoice.paid", description: "An invoice was paid", group: "invoice", isCustom: false, hasSchema: true, hasExample: true },
  { name: "invoice.voided", description: "An invoice was voided", group: "invoice", isCustom: false, hasSchema: true, hasExample: true },
  { name: "customer.created", description: "A customer signed up", group: "customer", isCustom: true, hasSchema: false, hasExample: false },
];

/** The picker as a form uses it: the value lives in the parent; `seen` records every change. */
function Harness({ initial = [], seen }: { initial?: string[]; seen: string[][] }) {
  const [value, setValue] = useState(initial);
  const onChange = (next: string[]) => {
    seen.push(next);
    setValue(next);
  };
  return <EventsPicker eventTypes={EVENT_TYPES} value={value} onChange={onChange} />;
}

function setup(initial?: string[]) {
  const seen: string[][] = [];
  render(<Harness initial={initial} seen={seen} />);
  return { user: userEvent.setup(), seen };
}

/** An event's checkbox is named by its label: the event name, then its description. */
const named = (event: string) => ({ name: new RegExp(`^${event.replace(".", "\\.")}`) });
const eventBox = (event: string) => screen.getByRole("checkbox", named(event));
/** The events whose checkboxes are on screen, in catalog order. */
const shownEvents = () => EVENT_TYPES.map((e) => e.name).filter((event) => screen.queryByRole("checkbox", named(event)));

afterEach(cleanup);

describe("EventsPicker", () => {
  it("lists every event by group, none selected", () => {
    setup();
    for (const e of EVENT_TYPES) expect(eventBox(e.name)).toHaveProperty("checked", false);
    expect(screen.getByText("0 selected")).toBeTruthy();
    expect(screen.getByRole("group", { name: "invoice" })).toBeTruthy();
    expect(screen.getByRole("group", { name: "customer" })).toBeTruthy();
  });

  it("offers an example for the types that have one, without changing the selection", () => {
    setup();
    expect(screen.getByRole("button", { name: "Example of invoice.paid" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Example of customer.created" })).toBeNull();
  });

  it("search filters by name, description or group, and says when nothing matches", async () => {
    const { user } = setup();
    const search = screen.getByRole("searchbox", { name: "Search events" });
    await user.type(search, "voided");
    expect(shownEvents()).toEqual(["invoice.voided"]);

    await user.clear(search);
    await user.type(search, "CUSTOMER");
    expect(shownEvents()).toEqual(["customer.created"]);

    await user.clear(search);
    await user.type(search, "signed up");
    expect(shownEvents()).toEqual(["customer.created"]);

    await user.clear(search);
    await user.type(search, "nothing-like-this");
    expect(screen.getByText("No event matches “nothing-like-this”.")).toBeTruthy();
  });

  it("checking and unchecking events changes the value and the count", async () => {
    const { user, seen } = setup();
    await user.click(eventBox("invoice.paid"));
    await user.click(eventBox("customer.created"));
    expect(seen.at(-1)).toEqual(["invoice.paid", "customer.created"]);
    expect(screen.getByText("2 selected")).toBeTruthy();
    expect(eventBox("invoice.paid")).toHaveProperty("checked", true);

    await user.click(eventBox("invoice.paid"));
    expect(seen.at(-1)).toEqual(["customer.created"]);
    expect(screen.getByText("1 selected")).toBeTruthy();
    expect(eventBox("invoice.paid")).toHaveProperty("checked", false);
  });

  it("a selected event's chip removes it", async () => {
    const { user, seen } = setup(["invoice.paid", "invoice.voided"]);
    const chips = screen.getByRole("list", { name: "Selected events" });
    await user.click(within(chips).getByRole("button", { name: "Remove invoice.paid" }));
    expect(seen.at(-1)).toEqual(["invoice.voided"]);
    expect(screen.getByText("1 selected")).toBeTruthy();
  });

  it("a group's select-all selects and clears that group only, and is mixed when part of it is picked", async () => {
    const { user, seen } = setup(["customer.created"]);
    const groupBox = screen.getByRole("checkbox", { name: "Select all invoice events" });
    await user.click(groupBox);
    expect(seen.at(-1)).toEqual(["customer.created", "invoice.paid", "invoice.voided"]);
    expect(groupBox).toHaveProperty("checked", true);

    await user.click(groupBox);
    expect(seen.at(-1)).toEqual(["customer.created"]);
    await user.click(eventBox("invoice.paid"));
    expect(screen.getByRole("checkbox", { name: "Select all invoice events" })).toHaveProperty("indeterminate", true);
  });

  it('"all events" replaces the selection with "*" and hides the list; unchecking clears it', async () => {
    const { user, seen } = setup(["invoice.paid"]);
    const all = screen.getByRole("checkbox", { name: "All events, including event types added later" });
    await user.click(all);
    expect(seen.at(-1)).toEqual([ALL_EVENTS]);
    expect(all).toHaveProperty("checked", true);
    expect(screen.queryByRole("searchbox", { name: "Search events" })).toBeNull();
    expect(screen.queryByText(/selected$/)).toBeNull();

    await user.click(all);
    expect(seen.at(-1)).toEqual([]);
    expect(screen.getByText("0 selected")).toBeTruthy();
  });

  it("picking one event after all events drops the wildcard", async () => {
    const { user, seen } = setup([ALL_EVENTS]);
    await user.click(screen.getByRole("checkbox", { name: "All events, including event types added later" }));
    await user.click(eventBox("customer.created"));
    expect(seen.at(-1)).toEqual(["customer.created"]);
  });

  it("shows its error", () => {
    render(<EventsPicker eventTypes={EVENT_TYPES} value={[]} onChange={() => {}} error="Pick at least one event, or all events" />);
    expect(screen.getByText("Pick at least one event, or all events")).toBeTruthy();
  });
});
