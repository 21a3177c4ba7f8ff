import { describe, expect, it } from "vitest";
import {
  bodyLimit,
  MAX_JSON_BODY_BYTES,
  MAX_UPLOAD_BODY_BYTES,
  NEXT_BODY_LIMIT,
  NEXT_PROXY_BODY_COPY,
  oversizedBody,
  oversizedStream,
} from "./request-limits";

/** A body of `count` chunks of `size` bytes, as a stream. */
function chunks(count: number, size: number): ReadableStream<Uint8Array> {
  let left = count;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (left-- > 0) controller.enqueue(new Uint8Array(size));
      else controller.close();
    },
  });
}

describe("request body limits", () => {
  it("gives uploads and the autosave 11 MB, other JSON 2 MB and reads nothing else", () => {
    expect(bodyLimit("POST", "multipart/form-data; boundary=x")).toBe(MAX_UPLOAD_BODY_BYTES);
    expect(bodyLimit("POST", "text/plain;charset=UTF-8")).toBe(MAX_UPLOAD_BODY_BYTES);
    expect(bodyLimit("PUT", "application/json")).toBe(MAX_JSON_BODY_BYTES);
    expect(bodyLimit("GET", null)).toBeNull();
    // The autosave carries a disclosure and its base: as much as an upload.
    expect(bodyLimit("PUT", "application/json", "/api/disclosures/0b6a/content")).toBe(MAX_UPLOAD_BODY_BYTES);
    expect(bodyLimit("PUT", "application/json", "/api/disclosures/0b6a/content/x")).toBe(MAX_JSON_BODY_BYTES);
  });

  it("answers 413 in Chinese for a body announced larger than its limit", async () => {
    const big = oversizedBody(
      "POST",
      new Headers({ "content-type": "application/json", "content-length": String(MAX_JSON_BODY_BYTES + 1) }),
    );
    expect(big?.status).toBe(413);
    expect(await big?.json()).toEqual({
      code: "invalid-input",
      error: "提交的内容超过了 2 MB 的上限，请减少内容后重试。",
      fieldErrors: {},
    });
    expect(
      oversizedBody(
        "POST",
        new Headers({ "content-type": "application/json", "content-length": String(MAX_JSON_BODY_BYTES) }),
      ),
    ).toBeNull();
    expect(
      oversizedBody(
        "POST",
        new Headers({ "content-type": "multipart/form-data", "content-length": String(12 * 1024 * 1024) }),
      )?.status,
    ).toBe(413);
  });

  it("is the limit Next itself applies to server actions; the proxy's copy of a body runs past it", async () => {
    const nextConfig: unknown = (await import(/* @vite-ignore */ new URL("../../next.config.js", import.meta.url).href))
      .default;
    const experimental = (
      nextConfig as { experimental: { serverActions: { bodySizeLimit: string }; proxyClientMaxBodySize: string } }
    ).experimental;
    expect(experimental.serverActions.bodySizeLimit).toBe(NEXT_BODY_LIMIT);
    expect(experimental.proxyClientMaxBodySize).toBe(NEXT_PROXY_BODY_COPY);
    expect(MAX_UPLOAD_BODY_BYTES).toBe(11 * 1024 * 1024);
    expect(Number.parseInt(NEXT_PROXY_BODY_COPY, 10) * 1024 * 1024).toBeGreaterThan(
      Math.max(MAX_UPLOAD_BODY_BYTES, MAX_JSON_BODY_BYTES),
    );
  });

  it("says how large an upload is, exactly when announced, at least when streamed", async () => {
    const upload = { "content-type": "multipart/form-data; boundary=x" };
    const announced = oversizedBody("POST", new Headers({ ...upload, "content-length": String(12 * 1024 * 1024) }));
    expect((await announced!.json()).error).toBe("该文件有 12 MB，超过了 10 MB 的上限。");
    const streamed = await oversizedStream("POST", new Headers(upload), chunks(12, 1024 * 1024));
    expect(streamed?.status).toBe(413);
    expect((await streamed!.json()).error).toBe("上传的文件大于 11 MB，超过了 10 MB 的上限。");
  });

  it("counts a body sent without Content-Length, and stops reading once it is over", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(256 * 1024));
      },
    });
    const refused = await oversizedStream("POST", new Headers({ "content-type": "application/json" }), endless);
    expect(refused?.status).toBe(413);
    expect((await refused!.json()).error).toBe("提交的内容超过了 2 MB 的上限，请减少内容后重试。");
    expect(pulled).toBeLessThan(20);
    // Within the limit, or announced (judged by oversizedBody), or a read: nothing to say.
    expect(
      await oversizedStream("POST", new Headers({ "content-type": "text/plain" }), chunks(3, 1024 * 1024)),
    ).toBeNull();
    expect(
      await oversizedStream(
        "POST",
        new Headers({ "content-type": "text/plain", "content-length": "5" }),
        chunks(20, 1024 * 1024),
      ),
    ).toBeNull();
    expect(await oversizedStream("GET", new Headers(), chunks(20, 1024 * 1024))).toBeNull();
  });
});
