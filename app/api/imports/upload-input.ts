import { MAX_UPLOAD_BYTES } from "@/lib/import/upload/limits";

/** Multipart overhead around the file itself (boundaries, part headers). */
const FORM_OVERHEAD = 64 * 1024;

/**
 * The import.upload input from `POST /api/imports?department=<id>&year=<year>` with one multipart
 * `file`. A body announced as larger than the limit is not read at all: the operation refuses it
 * by its announced size, so a 2 GB upload never sits in the server's memory.
 */
export async function uploadInput(req: Request): Promise<unknown> {
  const url = new URL(req.url);
  const target = {
    departmentId: url.searchParams.get("department") ?? "",
    fiscalYear: url.searchParams.get("year") ?? "",
  };
  const announced = Number(req.headers.get("content-length") ?? "0");
  if (announced > MAX_UPLOAD_BYTES + FORM_OVERHEAD) {
    return {
      ...target,
      file: {
        name: "upload",
        size: Math.max(announced - FORM_OVERHEAD, MAX_UPLOAD_BYTES + 1),
        bytes: new Uint8Array(),
      },
    };
  }
  const file = (await req.formData()).get("file");
  if (!(file instanceof File)) return { ...target, file: undefined };
  return { ...target, file: { name: file.name, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()) } };
}
