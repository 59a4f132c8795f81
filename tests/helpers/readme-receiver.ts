import fs from "node:fs";
import net from "node:net";

/** The Node receiver printed in a README section (the indented block with createServer), as written there. */
export function readmeReceiver(section: string): string {
  const readme = fs.readFileSync("README.md", "utf8");
  const start = readme.indexOf(`### ${section}`);
  if (start < 0) throw new Error(`no "${section}" section in the README`);
  const block = readme
    .slice(start)
    .match(/\n\n((?: {4}.*\n|\n)+?)\n(?! {4})/g)
    ?.find((b) => b.includes("createServer"));
  if (!block) throw new Error(`no receiver in the README's ${section} section`);
  return block
    .split("\n")
    .map((line) => line.slice(4))
    .join("\n");
}

/** A port nothing listens on right now, for a receiver started as a child process. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
