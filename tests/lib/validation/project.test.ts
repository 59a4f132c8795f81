import { describe, expect, it } from "vitest";
import { ZProjectCreate, ZProjectRename } from "@/lib/validation/project";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("projects", () => {
  it("takes project ids the hosts use, and names up to 200 characters", () => {
    expect(ZProjectCreate.parse({ id: "crm:42" })).toEqual({ id: "crm:42" });
    expect(messages(ZProjectCreate.safeParse({ id: "a/b" }))).toEqual(["id: Use letters, digits, dots, colons, dashes and underscores"]);
    expect(messages(ZProjectCreate.safeParse({ id: "" }))[0]).toBe("id: Enter the project's id");
    expect(messages(ZProjectRename.safeParse({ name: "n".repeat(201) }))).toEqual(["name: Name must be at most 200 characters"]);
    expect(messages(ZProjectRename.safeParse({ name: "  " }))).toEqual(["name: Enter a name"]);
  });
});
