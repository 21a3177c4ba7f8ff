import { z } from "zod";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { securityMessages } from "@/lib/i18n/zh-CN/security";
import { defaultUploadLimits, UploadRejectedError } from "@/lib/security/upload-check";

/**
 * A sheet sent with a bulk import, and whether to look (preview) or to take it (commit). Both
 * read and check the same file the same way; commit writes only when there is no problem at all.
 */
export const sheetUpload = z.object({
  file: z
    .instanceof(File, { error: adminMessages.sheet.noFile })
    .refine((file) => file.size > 0, adminMessages.sheet.noFile),
  mode: z.enum(["preview", "commit"]),
});

/**
 * The sheet's bytes, at most 10 MB (UploadRejectedError is user-facing). What they are is judged by
 * content where they are read: readSheet(bytes, name, { check: true }) in lib/admin/sheet.ts, in the
 * bounded parse worker, refuses anything but an Excel workbook or a text/CSV file, a zip bomb or a
 * renamed binary with a Chinese message.
 */
export async function fileBytes(file: File): Promise<Uint8Array> {
  // Too large is refused before the bytes are copied again.
  if (file.size > defaultUploadLimits.maxBytes)
    throw new UploadRejectedError(
      "too-large",
      securityMessages.upload.tooLarge(file.name, file.size, defaultUploadLimits.maxBytes),
    );
  return new Uint8Array(await file.arrayBuffer());
}
