// npm run cli -- user create --admin --email you@example.com   (asks for the password, or --password-stdin)
// npm run cli -- user list | user set-password --email E | user set-role --email E --role ADMIN|MEMBER
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { ConfigError } from "../lib/config/env-schema";
import { closeDb, openDb } from "../lib/db";
import { adminApiKeyInfo } from "../lib/server/admin-api-key/admin-api-key";
import { revokedSummary } from "../lib/server/credentials/revoke-former-admin-credentials";
import { createUser } from "../lib/server/users/create-user";
import { LastAdminError, listUsers, setUserPassword, setUserRole, UserNotFoundError } from "../lib/server/users/update-user";
import { ZRole } from "../lib/validation/user";

const USAGE = `usage: npm run cli -- <command>
  user create --email E [--admin | --role ADMIN|MEMBER] [--name N] [--password-stdin]
  user set-password --email E [--password-stdin]
  user set-role --email E --role ADMIN|MEMBER   (MEMBER revokes the API keys and OAuth applications they created)
  user list
The password is asked for on the terminal, or read from standard input with --password-stdin.
With the embedded database, stop the server first: only one process may open it.`;

class UsageError extends Error {}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (!fromStdin && !process.stdin.isTTY) throw new UsageError("no terminal to ask for the password: pipe it in with --password-stdin");
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: !fromStdin });
  if (!fromStdin) {
    process.stdout.write("Password: ");
    // Hide what is typed: readline echoes through _writeToOutput, which we silence while asking.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  const line = await new Promise<string>((resolve) => rl.once("line", resolve).once("close", () => resolve("")));
  rl.close();
  if (!fromStdin) process.stdout.write("\n");
  return line.replace(/\r?\n$/, "");
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      admin: { type: "boolean", default: false },
      "password-stdin": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [noun, verb] = positionals;
  if (values.help || noun !== "user" || !verb) throw new UsageError(USAGE);
  if (verb === "list") {
    await openDb();
    for (const u of await listUsers()) console.log(`${u.email}\t${u.role}\t${u.createdAt.toISOString()}`);
    return;
  }
  if (!values.email) throw new UsageError(`--email is required\n${USAGE}`);
  if (verb === "set-role") {
    const role = ZRole.parse(values.role?.toUpperCase());
    await openDb();
    const user = await setUserRole(values.email, role);
    console.log(`${user.email} is now ${user.role}.`);
    const revoked = revokedSummary(user.email, user.revoked);
    if (revoked) console.log(revoked);
    // Not theirs to revoke: the one installation key is every admin's, and any admin may have read it.
    if (user.role !== "ADMIN" && (await adminApiKeyInfo()).createdAt)
      console.log(`The Worksection admin API key is shared by all admins: if ${user.email} knew it, regenerate it in Settings → API keys.`);
    return;
  }
  if (verb !== "create" && verb !== "set-password") throw new UsageError(USAGE);
  const password = await readPassword(values["password-stdin"]);
  await openDb();
  if (verb === "set-password") {
    const user = await setUserPassword(values.email, password);
    console.log(`Password changed for ${user.email}.`);
    return;
  }
  const role = values.admin ? "ADMIN" : ZRole.parse((values.role ?? "MEMBER").toUpperCase());
  const user = await createUser({ email: values.email, password, name: values.name, role });
  console.log(`Created ${user.role === "ADMIN" ? "admin" : "member"} ${user.email}.`);
}

main(process.argv.slice(2))
  .then(() => closeDb())
  .then(
    () => process.exit(0),
    async (error: Error) => {
      await closeDb().catch(() => {});
      if (error instanceof ZodError) console.error(error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; "));
      else if (error instanceof UsageError || error instanceof ConfigError || error instanceof LastAdminError || error instanceof UserNotFoundError)
        console.error(error.message);
      else console.error(`${error.name}: ${error.message}`);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
