import { redirect } from "next/navigation";
import { currentSession } from "@/lib/api/current-user";

/** A workspace's admin starts on its overview; an operator who administers none, on the workspaces. */
export default async function SettingsIndex() {
  const session = await currentSession();
  redirect(session && session.current?.role !== "ADMIN" && session.user.isOperator ? "/settings/workspaces" : "/settings/overview");
}
