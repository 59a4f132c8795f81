// No "server-only": plain Node, usable from any server code. Kept apart from lib/v8-settings.ts,
// whose import sets process-wide V8 flags.
import v8 from "node:v8";
import vm from "node:vm";

/**
 * A full garbage collection now. For after dropping something large that lives outside the heap
 * (a closed PGlite instance's WebAssembly memory): V8 collects when its heap grows, and an idle
 * server's heap does not, so that memory would stay resident. (`gc` is exposed to new contexts
 * once the flag is set.)
 */
export function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}
