// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { TextAreaField } from "@/components/ui/text-area-field";

afterEach(cleanup);

function Controlled({ error }: { error?: string }) {
  const [text, setText] = useState("");
  return <TextAreaField label="Redirect URIs" hint="One per line" error={error} value={text} onChange={(e) => setText(e.target.value)} />;
}

describe("TextAreaField", () => {
  it("is found by its label, described by its hint, and takes typing", async () => {
    render(<Controlled />);
    const field = screen.getByRole("textbox", { name: "Redirect URIs" });
    expect(field).toHaveProperty("tagName", "TEXTAREA");
    expect(field.getAttribute("aria-invalid")).toBeNull();
    const described = (field.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(["One per line"]);
    await userEvent.type(field, "https://a.example/cb");
    expect((field as HTMLTextAreaElement).value).toBe("https://a.example/cb");
  });

  it("with an error: invalid, described by the hint and the error, both shown", () => {
    render(<Controlled error="Enter at least one redirect URI" />);
    const field = screen.getByRole("textbox", { name: "Redirect URIs" });
    expect(field.getAttribute("aria-invalid")).toBe("true");
    const described = (field.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(["One per line", "Enter at least one redirect URI"]);
  });

  it("without a hint or an error, is described by nothing", () => {
    render(<TextAreaField label="Notes" />);
    expect(screen.getByRole("textbox", { name: "Notes" }).getAttribute("aria-describedby")).toBeNull();
  });
});
