import { describe, expect, it } from "vitest";
import { createBodyBudget } from "@/lib/http/body-budget";

describe("createBodyBudget", () => {
  it("hands out bytes up to its total and takes back what was released", () => {
    const budget = createBodyBudget(100);
    expect(budget.tryReserve(60)).toBe(true);
    expect(budget.tryReserve(41)).toBe(false); // all or nothing
    expect(budget.reserved).toBe(60);
    expect(budget.tryReserve(40)).toBe(true);
    expect(budget.tryReserve(1)).toBe(false);
    budget.release(60);
    expect(budget.reserved).toBe(40);
    expect(budget.tryReserve(60)).toBe(true);
  });

  it("never goes below zero, so a release twice cannot grow the budget", () => {
    const budget = createBodyBudget(100);
    budget.tryReserve(10);
    budget.release(10);
    budget.release(10);
    expect(budget.reserved).toBe(0);
    expect(budget.tryReserve(101)).toBe(false);
  });
});
