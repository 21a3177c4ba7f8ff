import { redirect } from "next/navigation";
import { requireActor } from "@/app/_server/session";
import { homePath } from "@/lib/auth/policy";

export const dynamic = "force-dynamic";

/** "My home": each role's starting page, so links and sign-in need not know the role. */
export default async function HomeRedirect() {
  const actor = await requireActor();
  redirect(homePath[actor.role]);
}
