import { describe, expect, it } from "vitest";
import { readSheet, SheetError } from "../../admin/sheet";
import { UploadRejectedError } from "../../security/upload-check";
import { longWorkbook } from "../__fixtures__/long-workbook";
import { readUpload } from "../upload/read-upload";
import { parseLimits } from "../upload/limits";
import { UploadRefused } from "../upload/sniff";
import { runParseJob, type Refusal } from "./bounded-parse";
import { sanhe2020Bytes } from "../../domain/__fixtures__/sanhe-2020";

/**
 * The bounded parse service on real files, through the real worker: each limit refuses with the
 * file's name and the limit, in the caller's own error class, and a read stopped for time or
 * memory leaves the process and the next read unharmed.
 */

const fixture = sanhe2020Bytes();
const refusedAs = (refusal: Refusal) => Object.assign(new Error(refusal.message), { refusal });
const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as Error,
  );

describe("reads of untrusted files in the bounded worker", () => {
  it("refuses a 600,000-row workbook at its row limit, naming the file and the limit", async () => {
    const bytes = await longWorkbook(600_000, "short");
    const error = await caught(readUpload(bytes, "全部指标.xlsx", { check: true }));
    expect(error).toBeInstanceOf(UploadRefused);
    expect(error?.message).toBe(
      "文件“全部指标.xlsx”超过 10,000 行，超出了一次能读取的上限，已停止读取。请检查是否选错了文件；内容确实这么多时，请拆成几个文件分别上传。",
    );
    // The admin's bulk import reads sheets the same way (of at most 900 KB), and says it in its own error class.
    const sheet = await caught(readSheet(await longWorkbook(20_000, "short"), "名单.xlsx", { check: true }));
    expect(sheet).toBeInstanceOf(SheetError);
    expect(sheet?.message).toContain("文件“名单.xlsx”超过 10,000 行");
  });

  it("counts a CSV's rows and a text's lines too", async () => {
    const csv = new TextEncoder().encode(`部门编码,部门名称\n${"434,办公室\n".repeat(parseLimits.rows)}`);
    expect((await caught(readSheet(csv, "名单.csv", { check: true })))?.message).toContain(
      "文件“名单.csv”超过 10,000 行",
    );
    expect((await caught(readUpload(csv, "指标.csv")))?.message).toContain("文件“指标.csv”超过 10,000 行");
    const lines = new TextEncoder().encode("一\n".repeat(parseLimits.lines));
    expect((await caught(readUpload(lines, "公开.txt")))?.message).toContain("文件“公开.txt”超过 200,000 行文字");
    const cli = await caught(runParseJob({ kind: "disclosure", bytes: lines, fileName: "公开.txt" }, refusedAs));
    expect(cli?.message).toContain("文件“公开.txt”超过 200,000 行文字");
  });

  it("checks by content first when asked, as every file arriving from outside is", async () => {
    const program = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(200).fill(0)]);
    const checked = await caught(readUpload(program, "公开.txt", { check: true }));
    expect(checked).toBeInstanceOf(UploadRejectedError);
    expect(checked).toMatchObject({ problem: "executable", message: "“公开.txt”是程序文件，不能上传。" });
    // Stored uploads were checked when they arrived: the preview reads them without the check.
    expect(await caught(readUpload(program, "公开.txt"))).toBeInstanceOf(UploadRefused);
  });

  it("stops a read that outlasts its time, and the next read works", async () => {
    const error = await caught(
      runParseJob({ kind: "upload", bytes: fixture, fileName: "公开.txt" }, refusedAs, { timeoutMs: 1 }),
    );
    expect(error?.message).toBe(
      "解析文件“公开.txt”超时（超过 1 秒），已停止。文件可能过大或结构异常：请在 Office 或 WPS 中另存后重试，或拆成几个文件上传。",
    );
    const reading = await readUpload(fixture, "公开.txt");
    expect(reading).toMatchObject({ kind: "disclosure", format: "text" });
  });

  it("stops a read that outgrows its heap, and the process and the next read live on", async () => {
    // One line of 1.2 million cells: the table alone needs far more than 32 MB.
    const wide = new TextEncoder().encode("指标,".repeat(1_200_000));
    const error = await caught(
      runParseJob({ kind: "upload", bytes: wide, fileName: "宽.csv" }, refusedAs, { heapMb: 32 }),
    );
    expect(error?.message).toBe(
      "解析文件“宽.csv”所需的内存超过 32 MB 的上限，已停止。文件可能过大或结构异常：请删去无关内容后重试。",
    );
    expect(await readUpload(fixture, "公开.txt")).toMatchObject({ kind: "disclosure" });
  });

  it("says the server is busy when every thread is reading and the queue is full", async () => {
    const reads = Array.from({ length: parseLimits.concurrent + parseLimits.queued + 1 }, (_, i) =>
      caught(readUpload(fixture, `公开${i}.txt`)),
    );
    const outcomes = await Promise.all(reads);
    // The reads that found a thread or a place in the queue were read; the one after them was not.
    expect(outcomes.slice(0, -1)).toEqual(outcomes.slice(0, -1).map(() => null));
    const last = outcomes.at(-1);
    expect(last).toBeInstanceOf(UploadRefused);
    expect(last?.message).toBe(
      `服务器正在读取其他人上传的文件，暂时无法读取“公开${parseLimits.concurrent + parseLimits.queued}.txt”，请稍后再试。`,
    );
  });

  it("answers a fault of ours as a plain error, not as a refusal of the file", async () => {
    // A job without a file name is a bug of the caller's: the reader fails on it.
    const job = {
      kind: "upload",
      bytes: new TextEncoder().encode("不是公开文件"),
      fileName: undefined,
    } as unknown as Parameters<typeof runParseJob>[0];
    const error = await caught(runParseJob(job, refusedAs));
    expect(error?.message).toMatch(/^TypeError in the parse worker: /);
    expect(error).not.toHaveProperty("refusal");
  });
});
