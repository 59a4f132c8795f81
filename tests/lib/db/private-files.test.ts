import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DataDirPermissionError, holdPrivateUmask, makePrivate, PRIVATE_UMASK } from "@/lib/db/private-files";

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-private-"));
  dirs.push(d);
  return d;
}
const modeOf = (p: string) => fs.lstatSync(p).mode & 0o7777;

describe("makePrivate", () => {
  it("takes group and other bits off the folder and everything under it, keeping the owner's", () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, "pglite", "global"), { recursive: true });
    const files = { control: path.join(root, "pglite", "global", "pg_control"), readOnly: path.join(root, "backup.txt") };
    fs.writeFileSync(files.control, "x");
    fs.writeFileSync(files.readOnly, "x");
    fs.chmodSync(files.control, 0o666);
    fs.chmodSync(files.readOnly, 0o444);
    fs.chmodSync(path.join(root, "pglite", "global"), 0o777);
    fs.chmodSync(path.join(root, "pglite"), 0o755);
    fs.chmodSync(root, 0o775);

    expect(makePrivate(root)).toBe(5);
    expect(modeOf(root)).toBe(0o700);
    expect(modeOf(path.join(root, "pglite"))).toBe(0o700);
    expect(modeOf(path.join(root, "pglite", "global"))).toBe(0o700);
    expect(modeOf(files.control)).toBe(0o600);
    expect(modeOf(files.readOnly)).toBe(0o400);
    expect(makePrivate(root)).toBe(0); // nothing left to do
  });

  it("follows a data directory that is a symlink, but no symlink inside it", () => {
    const target = tempDir();
    const outside = tempDir();
    const elsewhere = path.join(outside, "shared.txt");
    fs.writeFileSync(elsewhere, "x");
    fs.chmodSync(elsewhere, 0o644);
    fs.chmodSync(target, 0o755);
    fs.symlinkSync(elsewhere, path.join(target, "link"));
    const link = path.join(tempDir(), "data");
    fs.symlinkSync(target, link);

    makePrivate(link);
    expect(modeOf(target)).toBe(0o700);
    expect(modeOf(elsewhere)).toBe(0o644);
  });

  it("names a file it may not change (another user's) instead of going on", () => {
    const root = tempDir();
    const file = path.join(root, "secrets.json");
    fs.writeFileSync(file, "{}", { mode: 0o644 });
    fs.chmodSync(root, 0o700);
    // Tests run as root here, who may chmod anything: stand in for the kernel's answer.
    vi.spyOn(fs, "chmodSync").mockImplementation(() => {
      throw Object.assign(new Error("EPERM: operation not permitted"), { code: "EPERM" });
    });
    expect(() => makePrivate(root)).toThrow(DataDirPermissionError);
    expect(() => makePrivate(root)).toThrow(`Cannot make ${file} private to this user (EPERM)`);
  });

  it("does nothing for a folder that does not exist", () => {
    expect(makePrivate(path.join(tempDir(), "missing"))).toBe(0);
  });
});

describe("holdPrivateUmask", () => {
  it("makes new files and folders private while held, and restores the umask after the last release", () => {
    const before = process.umask(0o022);
    try {
      const root = tempDir();
      const first = holdPrivateUmask();
      const second = holdPrivateUmask();
      fs.writeFileSync(path.join(root, "a"), "x");
      fs.mkdirSync(path.join(root, "d"));
      expect(modeOf(path.join(root, "a"))).toBe(0o600);
      expect(modeOf(path.join(root, "d"))).toBe(0o700);
      first();
      first(); // twice is once
      expect(process.umask(PRIVATE_UMASK)).toBe(PRIVATE_UMASK);
      second();
      expect(process.umask(0o022)).toBe(0o022);
    } finally {
      process.umask(before);
    }
  });
});
