// Run as a child process by tests/lib/http/front-door-server.test.ts, so that its sockets' work is
// not counted against the server's latency: opens `count` connections to 127.0.0.1:`port`, each
// declaring a 1 MiB body and sending all but its last KiB, then stalls. Reports { written } once
// every body is out, then { statuses } once the server has closed them all: each connection's
// response status, or 0 when it was closed or reset before one was read.
import net from "node:net";

const [port, count] = process.argv.slice(2).map(Number);
const MiB = 1024 * 1024;
const head = `POST /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${MiB}\r\n\r\n`;
const body = Buffer.alloc(MiB - 1024, 0x61);

const statuses: number[] = new Array(count).fill(0);
let written = 0;
let closed = 0;
for (let i = 0; i < (count ?? 0); i++) {
  const socket = net.connect(port ?? 0, "127.0.0.1");
  let text = "";
  socket.on("data", (d: Buffer) => {
    text += d.toString("latin1");
    statuses[i] = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
  });
  socket.on("error", () => {});
  socket.once("close", () => {
    closed += 1;
    if (closed === count) process.send?.({ statuses }, () => process.exit(0));
  });
  socket.write(head);
  // Counted when handed to the kernel, or when the server refused it and closed.
  let isCounted = false;
  const count1 = () => {
    if (isCounted) return;
    isCounted = true;
    written += 1;
    if (written === count) process.send?.({ written });
  };
  socket.write(body, count1);
  socket.once("close", count1);
}
