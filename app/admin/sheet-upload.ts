import { z } from "zod";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";

/**
 * A sheet sent with a bulk import, and whether to look (preview) or to take it (commit). Both
 * read and check the same file the same way; commit writes only when there is no problem at all.
 */
export const sheetUpload = z.object({
  file: z.instanceof(File, { error: adminMessages.sheet.noFile }).refine((file) => file.size > 0, adminMessages.sheet.noFile),
  mode: z.enum(["preview", "commit"]),
});

export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
