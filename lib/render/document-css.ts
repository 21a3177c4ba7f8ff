/**
 * The look of ./html.ts's document, shared by the portal page and the PDF: 仿宋 text, 黑体
 * headings, real bordered tables with amounts right-aligned in tabular digits, and print rules
 * after GB/T 9704 (A4, margins 37/35/28/26 mm, 三号 text on 22 lines of 28 characters, "— 1 —" at
 * the foot, the wide procurement table on a landscape page, rows never cut across pages).
 * Fonts are the reader's own or the server's free faces: nothing is downloaded.
 */

/**
 * Each official face first, under the names Windows, WPS and macOS give it, then the free face the
 * server prints with (README "PDF fonts"): 仿宋 → Noto Serif CJK SC (a 宋体; no free 仿宋 covers
 * simplified Chinese), 黑体 → Noto Sans CJK SC, 楷体 → AR PL UKai CN (fonts-arphic-ukai), 小标宋 →
 * Noto Serif CJK SC Bold (through the "DD 小标宋" face below, so a real 小标宋 is never made bold).
 */
export const FONT_STACK = {
  body: `"仿宋_GB2312","FangSong_GB2312","仿宋",FangSong,STFangsong,"Noto Serif CJK SC","Source Han Serif SC",serif`,
  heading: `"黑体",SimHei,STHeiti,"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif`,
  subheading: `"楷体_GB2312","KaiTi_GB2312","楷体",KaiTi,STKaiti,"AR PL UKai CN","LXGW WenKai",serif`,
  title: `"方正小标宋简体","FZXiaoBiaoSong-B05S","方正小标宋_GBK","小标宋","DD 小标宋","Noto Serif CJK SC",serif`,
  pageNumber: `"宋体",SimSun,"Noto Serif CJK SC",serif`,
  table: `"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif`,
} as const;

/** GB/T 9704's text block on A4: 156 × 225 mm inside margins of 37 (top), 35, 28 (left) and 26 mm. */
const BLOCK = { width: "156mm", height: "225mm", margin: "37mm 26mm 35mm 28mm" } as const;

/** Shadows at the edges of a box that scrolls sideways, where more of the table is hidden (they move with the scroll). */
const SCROLL_SHADOW =
  "background:linear-gradient(to right,#fff 30%,rgba(255,255,255,0)),linear-gradient(to right,rgba(255,255,255,0),#fff 70%) 100% 0,radial-gradient(farthest-side at 0 50%,rgba(15,23,42,.18),rgba(15,23,42,0)),radial-gradient(farthest-side at 100% 50%,rgba(15,23,42,.18),rgba(15,23,42,0)) 100% 0;background-repeat:no-repeat;background-size:40px 100%,40px 100%,14px 100%,14px 100%;background-attachment:local,local,scroll,scroll";

export const DOCUMENT_CSS = `
@font-face{font-family:"DD 小标宋";src:local("Noto Serif CJK SC Bold"),local("NotoSerifCJKsc-Bold"),local("Source Han Serif SC Bold"),local("SourceHanSerifSC-Bold")}
.dd{font-family:${FONT_STACK.body};font-size:16px;line-height:1.85;color:#0f172a;overflow-wrap:anywhere}
.dd h2,.dd figcaption,.dd-caption{font-family:${FONT_STACK.heading};font-weight:600}
.dd .dd-title{font-family:${FONT_STACK.title};font-weight:400}
.dd h3{font-family:${FONT_STACK.subheading};font-weight:400}
.dd h4{font-weight:700}
.dd-title{text-align:center;font-size:24px;line-height:1.5;margin:0 0 20px}
.dd h2{font-size:18px;margin:28px 0 8px}
.dd h3{font-size:17px;margin:16px 0 4px}
.dd h4{font-size:16px;margin:12px 0 2px}
.dd p{margin:4px 0}
.dd .dd-indent,.dd-list li{text-indent:2em}
.dd-list{list-style:none;margin:6px 0;padding:0}
.dd-caption{text-align:center;margin:16px 0 6px;font-size:15px}
.dd-table-wrap{margin:4px 0 16px;overflow-x:auto}
.dd-table-meta{display:flex;justify-content:space-between;gap:16px;font-size:14px;margin-bottom:4px}
.dd-table{width:100%;border-collapse:collapse;table-layout:fixed;font-family:${FONT_STACK.table};font-size:14px;line-height:1.5;text-indent:0;letter-spacing:0}
.dd-table th,.dd-table td{border:1px solid #64748b;padding:4px 6px;vertical-align:middle;white-space:pre-line;overflow-wrap:anywhere;word-break:break-word}
.dd-table th{font-weight:600;background:#f1f5f9}
.dd-table td.r,.dd-table th.r{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.dd-table .c{text-align:center}.dd-table .l{text-align:left}
.dd-dense{font-size:12px;line-height:1.4}
.dd-dense th,.dd-dense td{padding:3px 4px}
.dd-dense td.r{white-space:normal}
.dd-wide .dd-table{min-width:900px}
.dd-lead tr:last-child>*{border-bottom:0}
.dd-table .dd-i1{padding-left:calc(6px + 1.5em)}.dd-table .dd-i2{padding-left:calc(6px + 3em)}.dd-table .dd-i3{padding-left:calc(6px + 4.5em)}
.dd-scroll{overscroll-behavior-x:contain}
.dd-scroll-hint{display:none}
.dd-fold summary{cursor:pointer;list-style:none}
.dd-fold summary::-webkit-details-marker{display:none}
.dd-fold-more,.dd-fold-less{color:#184a8a;white-space:nowrap}
.dd-fold[open] .dd-fold-more,.dd-fold:not([open]) .dd-fold-less{display:none}
.dd-fold[open] .dd-fold-less{float:right;margin-left:4px}
.dd-fold[open] summary{display:inline}
.dd-fold[open]::details-content{display:inline}
@media screen and (max-width:1023px){
  .dd-scroll-hint{display:block;margin:2px 0 4px;font-size:12px;color:#475569;text-align:right}
  .dd-wide,.dd-scroll{${SCROLL_SHADOW}}
  .dd-scroll-hint.dd-scroll-hint-phone{display:none}
}
@media screen and (max-width:639px){
  .dd-scroll-hint.dd-scroll-hint-phone{display:block}
  .dd-many .dd-table{min-width:36rem}
  .dd-many{${SCROLL_SHADOW}}
}
.dd-scroll .dd-table-meta{position:sticky;left:0}
.dd-natural .dd-frz{position:sticky;z-index:1;background:#fff}
.dd-natural th.dd-frz{background:#f1f5f9}
.dd-natural .dd-frz-edge{box-shadow:inset -2px 0 0 #64748b}
.dd-charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:16px 24px;margin:16px 0 8px}
.dd-chart{margin:0;break-inside:avoid;max-width:640px}
.dd-chart-compare{grid-column:1/-1}
.dd-chart figcaption{font-size:15px;margin-bottom:4px}
.dd-chart-svg svg{display:block;width:100%;height:auto}
.dd-chart details{font-size:14px;margin-top:4px}
.dd-chart summary{cursor:pointer;color:#184a8a}
.dd-chart-data{margin-top:6px}
@page{size:A4;margin:${BLOCK.margin}}
@page:right{@bottom-right{content:"— " counter(page) " —";font:14pt/1 ${FONT_STACK.pageNumber};vertical-align:top;padding-top:7mm;margin-right:14pt}}
@page:left{@bottom-left{content:"— " counter(page) " —";font:14pt/1 ${FONT_STACK.pageNumber};vertical-align:top;padding-top:7mm;margin-left:14pt}}
@page wide{size:A4 landscape;margin:28mm 35mm 26mm 37mm}
@media print{
  .dd{font-size:16pt;line-height:calc(${BLOCK.height} / 22)}
  .dd p,.dd li,.dd h2,.dd h3,.dd h4{letter-spacing:calc(${BLOCK.width} / 28 - 16pt - 0.02pt);margin:0}
  .dd .dd-title{font-size:22pt;line-height:calc(${BLOCK.height} / 22 * 1.5);margin:0 0 calc(${BLOCK.height} / 22)}
  .dd h2,.dd h3,.dd h4{font-size:16pt;line-height:inherit}
  .dd h2,.dd-caption{font-weight:400}
  .dd-caption{font-size:16pt;margin:6pt 0 4pt}
  .dd-table{font-size:10.5pt;line-height:1.35}
  .dd-table th,.dd-table td{padding:2pt 3pt}
  .dd-table-meta{font-size:10.5pt;line-height:1.35}
  .dd-dense{font-size:9pt}
  .dd-table-wrap{overflow:visible}
  .dd-scroll-hint{display:none}
  .dd-wide{page:wide}
  .dd-wide .dd-table{min-width:0}
  .dd-natural{min-width:0!important}
  .dd-natural .dd-frz{position:static;box-shadow:none}
  .dd-appendix{break-before:page}
  .dd-table tr,.dd-table-meta{break-inside:avoid}
  .dd-table thead{display:table-header-group}
  .dd h2,.dd h3,.dd h4,.dd-caption,.dd-table-meta,.dd-lead{break-after:avoid}
  .dd-table th{background:none}
  .dd-charts{grid-template-columns:1fr 1fr}
  .dd-chart details{display:none}
}
`;
