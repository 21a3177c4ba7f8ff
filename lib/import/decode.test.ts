import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { DecodeError, decodeText } from "./decode";

const sample = "三河市人民政府办公室2020年部门预算\r\n\t合　计\r\n“三公”经费——9·26\r\n";
const expected = "三河市人民政府办公室2020年部门预算\n\t合　计\n“三公”经费——9·26\n";

describe("decodeText", () => {
  it("reads UTF-8 with and without a BOM", () => {
    expect(decodeText(Buffer.from(sample, "utf8"))).toEqual({ text: expected, encoding: "utf-8" });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, "utf8")]))).toEqual({
      text: expected,
      encoding: "utf-8",
    });
  });

  it("reads GBK and GB18030", () => {
    expect(decodeText(iconv.encode(sample, "gbk"))).toEqual({ text: expected, encoding: "gb18030" });
    expect(decodeText(iconv.encode(`${sample}𠀀`, "gb18030")).text).toBe(`${expected}𠀀`);
  });

  it("reads UTF-16 with a BOM in both byte orders", () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, "utf16le")]))).toEqual({
      text: expected,
      encoding: "utf-16le",
    });
    const be = Buffer.from(sample, "utf16le").swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({
      text: expected,
      encoding: "utf-16be",
    });
  });

  it("turns lone CR line ends into LF", () => {
    expect(decodeText(Buffer.from("a\rb\r\nc")).text).toBe("a\nb\nc");
  });

  it("refuses binary input with a zh-CN reason", () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(() => decodeText(zip)).toThrow(DecodeError);
    expect(() => decodeText(zip)).toThrow(/文件不是文本：第 6 个字节是空字符/);
    const controls = new Uint8Array(200).fill(0x41);
    for (let i = 0; i < 10; i++) controls[i * 20] = 0x01;
    expect(() => decodeText(controls)).toThrow(/控制字符/);
  });

  it("accepts empty input", () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: "", encoding: "utf-8" });
  });
});
