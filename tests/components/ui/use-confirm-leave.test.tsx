// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isInAppNavigation, LEAVE_MESSAGE, useConfirmLeave } from "@/components/ui/use-confirm-leave";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const anchor = (href: string, attrs: Record<string, string> = {}) => {
  const a = document.createElement("a");
  a.href = href;
  for (const [k, v] of Object.entries(attrs)) a.setAttribute(k, v);
  return a;
};

describe("isInAppNavigation", () => {
  it("is true for a link to another page of the same origin only", () => {
    const here = new URL("http://localhost:3000/settings/webhooks/new");
    expect(isInAppNavigation(anchor("/settings/webhooks"), here)).toBe(true);
    expect(isInAppNavigation(anchor("/settings/webhooks/new?x=1"), here)).toBe(true);
    expect(isInAppNavigation(anchor("/settings/webhooks/new#top"), here)).toBe(false);
    expect(isInAppNavigation(anchor("https://example.com/"), here)).toBe(false);
    expect(isInAppNavigation(anchor("/settings/webhooks", { target: "_blank" }), here)).toBe(false);
    expect(isInAppNavigation(anchor("/file.txt", { download: "" }), here)).toBe(false);
  });
});

function Page({ isDirty, onFollow }: { isDirty: boolean; onFollow: () => void }) {
  useConfirmLeave(isDirty);
  return (
    <a
      href="/elsewhere"
      onClick={(e) => {
        e.preventDefault(); // as Next's Link does, after our capture listener let it through
        onFollow();
      }}
    >
      away
    </a>
  );
}

describe("useConfirmLeave", () => {
  it("with unsaved edits, a link asks first and goes nowhere unless the admin agrees; without, it just goes", async () => {
    const follow = vi.fn();
    const confirm = vi.spyOn(window, "confirm").mockReturnValue(false);
    const view = render(<Page isDirty onFollow={follow} />);
    await userEvent.click(screen.getByText("away"));
    expect(confirm).toHaveBeenCalledWith(LEAVE_MESSAGE);
    expect(follow).not.toHaveBeenCalled();
    confirm.mockReturnValue(true);
    await userEvent.click(screen.getByText("away"));
    expect(follow).toHaveBeenCalledTimes(1);
    view.rerender(<Page isDirty={false} onFollow={follow} />);
    confirm.mockClear();
    await userEvent.click(screen.getByText("away"));
    expect(confirm).not.toHaveBeenCalled();
    expect(follow).toHaveBeenCalledTimes(2);
  });

  it("asks before the tab is closed or reloaded while dirty", () => {
    render(<Page isDirty onFollow={() => {}} />);
    const event = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });
});
