import { routeHandler } from "@/app/_server/route";
import { saveContentOperation } from "@/app/disclosures/[id]/edit/operations";

export const dynamic = "force-dynamic";

/**
 * PUT /api/disclosures/<id>/content, JSON `{ expectedVersion, content, base? }`: the editor's
 * autosave (components/editor/use-autosave.ts). A route rather than a server action: an autosave
 * every few seconds per clerk is the server's most frequent request, and React's action machinery
 * (the page's module graph, the flight encoding of the answer) was a sixth of its cost
 * (npm run bench -- load). 409 with code "conflict": someone saved in between; send the base.
 */
export const PUT = routeHandler(saveContentOperation, async (req, params) => {
  const body: unknown = await req.json();
  return typeof body === "object" && body !== null && !Array.isArray(body) ? { ...body, id: params.id } : body;
});
