/**
 * The look of ./html.ts's document, shared by the portal page and the PDF: 仿宋 text, 黑体
 * headings, real bordered tables with amounts right-aligned in tabular digits, and print rules
 * (A4, the wide procurement table on a landscape page, rows and figures never cut across pages).
 * Fonts are the reader's own or the server's Noto CJK: nothing is downloaded.
 */
export const DOCUMENT_CSS = `
.dd{font-family:FangSong,"仿宋","仿宋_GB2312",STFangsong,"Noto Serif CJK SC","Source Han Serif SC",serif;font-size:16px;line-height:1.85;color:#0f172a;overflow-wrap:anywhere}
.dd h1,.dd h2,.dd h3,.dd h4,.dd figcaption,.dd-caption{font-family:SimHei,"黑体","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;font-weight:600}
.dd-title{text-align:center;font-size:22px;line-height:1.5;margin:0 0 20px}
.dd h2{font-size:18px;margin:28px 0 8px}
.dd h3{font-size:16px;margin:16px 0 4px}
.dd h4{font-size:16px;font-weight:500;margin:12px 0 2px}
.dd p{margin:4px 0}
.dd .dd-indent,.dd-list li{text-indent:2em}
.dd-list{list-style:none;margin:6px 0;padding:0}
.dd-caption{text-align:center;margin:16px 0 6px;font-size:15px}
.dd-table-wrap{margin:4px 0 16px;overflow-x:auto}
.dd-table-meta{display:flex;justify-content:space-between;gap:16px;font-size:14px;margin-bottom:4px}
.dd-table{width:100%;border-collapse:collapse;table-layout:fixed;font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;font-size:14px;line-height:1.5;text-indent:0}
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
@page{size:A4;margin:18mm 16mm 20mm}
@page wide{size:A4 landscape;margin:16mm 14mm 18mm}
@media print{
  .dd{font-size:12pt;line-height:1.75}
  .dd-title{font-size:17pt}
  .dd h2{font-size:14pt}
  .dd-table{font-size:10pt}
  .dd-dense{font-size:8pt}
  .dd-table-wrap{overflow:visible}
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
