import { cache } from "react";
import { getDb } from "@/db/client";
import { countUnreadNotices } from "@/db/queries/notices";
import type { Actor } from "@/lib/auth/actor";

/** The header's unread notices: one count (indexed by recipient) per request, whatever renders it. */
export const unreadNoticeCount = cache(async (actor: Actor): Promise<number> => countUnreadNotices(getDb(), actor));
