import net from "node:net";

/** A TCP relay on 127.0.0.1 in front of PostgreSQL that the test can take down and bring back. */
export async function relayTo(pgPort: number) {
  const sockets = new Set<net.Socket>();
  /** Each connection's client side → its server side. */
  const pairs = new Map<net.Socket, net.Socket>();
  const orphans = new Set<net.Socket>();
  let server: net.Server | null = null;
  const listen = (port: number) =>
    new Promise<number>((resolve) => {
      const created = net.createServer((inbound) => {
        const outbound = net.connect(pgPort, "127.0.0.1");
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => {});
        }
        pairs.set(inbound, outbound);
        inbound.on("close", () => pairs.delete(inbound));
        inbound.pipe(outbound).pipe(inbound);
      });
      server = created;
      created.listen(port, "127.0.0.1", () => resolve((created.address() as net.AddressInfo).port));
    });
  const port = await listen(0);
  return {
    port,
    down: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server?.close(() => resolve());
      }),
    up: () => listen(port),
    /**
     * Cuts the clients' side only: the server's sessions stay open, as for a client that vanished
     * without a word and that the server has not yet found dead. New connections still go through.
     */
    dropClients: () => {
      for (const [inbound, outbound] of pairs) {
        orphans.add(outbound);
        inbound.unpipe(outbound);
        inbound.destroy();
      }
    },
    /** The server finds those sessions dead at last. */
    dropOrphans: () => {
      for (const s of orphans) s.destroy();
      orphans.clear();
    },
  };
}
