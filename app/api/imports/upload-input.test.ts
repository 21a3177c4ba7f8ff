import { describe, expect, it } from "vitest";
import { uploadInput } from "./upload-input";

const url = "http://localhost/api/imports?department=d1&year=2022";

describe("uploadInput: the multipart request as the upload operation's input", () => {
  it("passes the file's name, size and bytes, with the department and year from the query", async () => {
    const form = new FormData();
    form.set("file", new File([new TextEncoder().encode("一、部门职责")], "上年.txt"));
    const input = (await uploadInput(new Request(url, { method: "POST", body: form }))) as {
      departmentId: string;
      fiscalYear: string;
      file: { name: string; size: number; bytes: Uint8Array };
    };
    expect(input).toMatchObject({ departmentId: "d1", fiscalYear: "2022", file: { name: "上年.txt", size: 18 } });
    expect(new TextDecoder().decode(input.file.bytes)).toBe("一、部门职责");
  });

  it("leaves the file out when none was sent, for the operation to ask for one", async () => {
    const form = new FormData();
    form.set("other", "x");
    expect(await uploadInput(new Request(url, { method: "POST", body: form }))).toEqual({
      departmentId: "d1",
      fiscalYear: "2022",
      file: undefined,
    });
  });

  it("does not read a body announced as larger than the limit, and reports its size", async () => {
    // A body that never ends: reading it would hang this test until it times out.
    const body = new ReadableStream({ pull: () => new Promise(() => {}) });
    const req = new Request(url, {
      method: "POST",
      body,
      headers: { "content-length": String(200 * 1024 * 1024) },
      duplex: "half",
    } as RequestInit);
    const input = (await uploadInput(req)) as { file: { size: number; bytes: Uint8Array } };
    expect(input.file.bytes.byteLength).toBe(0);
    expect(input.file.size).toBeGreaterThan(10 * 1024 * 1024);
  });
});
