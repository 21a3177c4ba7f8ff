import { z } from "zod";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { securityMessages } from "@/lib/i18n/zh-CN/security";
import { checkUpload, defaultUploadLimits, UploadRejectedError } from "@/lib/security/upload-check";

/**
 * A sheet sent with a bulk import, and whether to look (preview) or to take it (commit). Both
 * read and check the same file the same way; commit writes only when there is no problem at all.
 */
export const sheetUpload = z.object({
  file: z.instanceof(File, { error: adminMessages.sheet.noFile }).refine((file) => file.size > 0, adminMessages.sheet.noFile),
  mode: z.enum(["preview", "commit"]),
});

/**
 * The sheet's bytes, checked by content first (lib/security/upload-check.ts): only an Excel
 * workbook or a text/CSV file of at most 10 MB; a zip bomb or a renamed binary is refused with a
 * Chinese message (UploadRejectedError is user-facing).
 */
export async function fileBytes(file: File): Promise<Uint8Array> {
  // Too large is refused before the bytes are copied again.
  if (file.size > defaultUploadLimits.maxBytes)
    throw new UploadRejectedError("too-large", securityMessages.upload.tooLarge(file.name, file.size, defaultUploadLimits.maxBytes));
  const bytes = new Uint8Array(await file.arrayBuffer());
  checkUpload(bytes, file.name, { accept: ["xlsx", "text"] });
  return bytes;
}
