// npm run cli -- user create --admin --email you@example.com   (asks for the password, or --password-stdin)
// npm run cli -- user list | user set-password --email E | user set-role --email E --role ADMIN|MEMBER
// npm run cli -- workspace create --name N [--slug S] | workspace list | workspace add-member|remove-member --workspace S --email E
import "../lib/v8-settings"; // first: before any WebAssembly is compiled
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { ConfigError } from "../lib/config/env-schema";
import { closeDb, getDb, openDb } from "../lib/db";
import { defaultWorkspaceContext, installationContext, type TInstallationContext, workspaceContext } from "../lib/db/workspace-context";
import { DomainError } from "../lib/errors/domain-error";
import { adminApiKeyInfo } from "../lib/server/admin-api-key/admin-api-key";
import { revokedSummary } from "../lib/server/credentials/revoke-former-admin-credentials";
import { createUser } from "../lib/server/users/create-user";
import { LastAdminError, listUsers, setUserOperator, setUserPassword, setUserRole, UserNotFoundError } from "../lib/server/users/update-user";
import { findWorkspace } from "../lib/server/workspaces/find-workspace";
import { addMember, removeMember } from "../lib/server/workspaces/members";
import { createWorkspace, listWorkspaces } from "../lib/server/workspaces/workspaces";
import { ZRole } from "../lib/validation/user";
import { ZMembershipAdd } from "../lib/validation/workspace";

const USAGE = `usage: npm run cli -- <command>
  user create --email E [--admin | --role ADMIN|MEMBER] [--operator] [--workspace S] [--name N] [--password-stdin]
  user set-password --email E [--password-stdin]
  user set-role --email E --role ADMIN|MEMBER [--workspace S]   (MEMBER revokes the API keys and OAuth applications they created there)
  user set-operator --email E [--operator | --no-operator]
  user list
  workspace create --name N [--slug S]
  workspace list
  workspace add-member --workspace S --email E [--role ADMIN|MEMBER]   (adds an existing user, or changes their role)
  workspace remove-member --workspace S --email E
--workspace takes a workspace's slug or id; without it, the Default workspace.
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
      operator: { type: "boolean" },
      "no-operator": { type: "boolean", default: false },
      workspace: { type: "string" },
      slug: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [noun, verb] = positionals;
  if (values.help || (noun !== "user" && noun !== "workspace") || !verb) throw new UsageError(USAGE);
  if (noun === "workspace") return workspaceCommand(verb, values);
  if (verb === "list") {
    await openDb();
    for (const u of await listUsers())
      console.log(`${u.email}\t${u.isOperator ? "operator" : "-"}\t${u.memberships.map((m) => `${m.slug}:${m.role}`).join(",")}\t${u.createdAt.toISOString()}`);
    return;
  }
  if (!values.email) throw new UsageError(`--email is required\n${USAGE}`);
  if (verb === "set-operator") {
    await openDb();
    const user = await setUserOperator(values.email, !values["no-operator"]);
    console.log(`${user.email} is ${user.isOperator ? "now an operator" : "no longer an operator"}.`);
    return;
  }
  if (verb === "set-role") {
    const role = ZRole.parse(values.role?.toUpperCase());
    await openDb();
    const workspace = await workspaceOption(values.workspace);
    const user = await setUserRole(values.email, role, { workspaceId: workspace.id });
    console.log(`${user.email} is now ${user.role}.`);
    const revoked = revokedSummary(user.email, user.revoked);
    if (revoked) console.log(revoked);
    // Not theirs to revoke: the one installation key is every admin's, and any admin may have read it.
    if (user.role !== "ADMIN" && (await adminApiKeyInfo(workspaceContext(await getDb(), workspace, { kind: "system", reason: "CLI" }))).createdAt)
      console.log(`The Worksection admin API key is shared by the workspace's admins: if ${user.email} knew it, regenerate it in Settings → API keys.`);
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
  const workspace = await workspaceOption(values.workspace);
  // The first admin of an install is its operator, however it is made (here or from ADMIN_EMAIL).
  const isFirstAdmin = role === "ADMIN" && (await (await getDb()).user.count()) === 0;
  const user = await createUser(
    { email: values.email, password, name: values.name, role },
    { workspaceId: workspace.id, isOperator: values.operator === true || isFirstAdmin },
  );
  console.log(`Created ${user.role === "ADMIN" ? "admin" : "member"} ${user.email} in ${workspace.slug}${user.isOperator ? " (operator)" : ""}.`);
}

const CLI_ACTOR = { kind: "system", reason: "CLI" } as const;

/** The workspace --workspace names (slug or id), or Default. */
async function workspaceOption(named: string | undefined) {
  if (named === undefined) return defaultWorkspaceContext(await getDb()).workspace;
  const found = await findWorkspace(await getDb(), named);
  if (!found) throw new UsageError(`No workspace has the slug or id "${named}" (npm run cli -- workspace list)`);
  return found;
}

async function workspaceCommand(verb: string, values: { name?: string; slug?: string; workspace?: string; email?: string; role?: string }): Promise<void> {
  await openDb();
  const ctx: TInstallationContext = installationContext(await getDb(), CLI_ACTOR);
  if (verb === "create") {
    if (!values.name) throw new UsageError(`--name is required\n${USAGE}`);
    const w = await createWorkspace(ctx, { name: values.name, slug: values.slug });
    console.log(`Created workspace ${w.name} (slug ${w.slug}, id ${w.id}).`);
    return;
  }
  if (verb === "list") {
    let cursor: string | undefined;
    do {
      const page = await listWorkspaces(ctx, { cursor, limit: 100 });
      for (const w of page.data) console.log(`${w.slug}\t${w.id}\t${w.name}\t${w.createdAt}`);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return;
  }
  if (verb !== "add-member" && verb !== "remove-member") throw new UsageError(USAGE);
  if (!values.workspace || !values.email) throw new UsageError(`--workspace and --email are required\n${USAGE}`);
  if (verb === "remove-member") {
    await removeMember(ctx, values.workspace, values.email);
    console.log(`Removed ${values.email.toLowerCase()} from ${values.workspace}; what they made there is revoked (another admin can restore it).`);
    return;
  }
  const role = (values.role ?? "MEMBER").toLowerCase();
  const member = await addMember(ctx, values.workspace, ZMembershipAdd.parse({ email: values.email, role }));
  console.log(`${member.email} is ${member.role === "ADMIN" ? "an admin" : "a member"} of ${values.workspace}.`);
}

main(process.argv.slice(2))
  .then(() => closeDb())
  .then(
    () => process.exit(0),
    async (error: Error) => {
      await closeDb().catch(() => {});
      if (error instanceof ZodError) console.error(error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; "));
      else if (
        error instanceof UsageError ||
        error instanceof ConfigError ||
        error instanceof LastAdminError ||
        error instanceof UserNotFoundError ||
        error instanceof DomainError
      )
        console.error(error.message);
      else console.error(`${error.name}: ${error.message}`);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
